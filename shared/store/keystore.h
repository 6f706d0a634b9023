#pragma once

#include "apikey.h"

#include "auth/keyring.h"
#include "core/callback.h"

#include <QList>
#include <QObject>

namespace wf {

namespace db {
class Database;
class DbConnection;
}

// api_keys: created (the secret returned once, its digest kept), listed, revoked; and the set of
// valid keys each server loads into its KeyRing.
class KeyStore
{
public:
    static constexpr int MaxNameLength = 100;

    explicit KeyStore(db::Database &database);

    void create(QObject *context, const QString &name, auth::Role role, const QString &createdBy,
                Callback<CreatedApiKey> done);
    // Every key, newest first, revoked ones included.
    void list(QObject *context, Callback<QList<ApiKey>> done);
    // Revokes a key (again: no change); NotFound for an unknown id.
    void revoke(QObject *context, const QString &id, Callback<ApiKey> done);
    // The keys that are valid now, for KeyRing::replace().
    void valid(QObject *context, Callback<QList<auth::KeyRing::Entry>> done);
    // The key `token` is, if it is valid (a stack checking the key it kept in a file).
    void find(QObject *context, const QByteArray &token, Callback<ApiKey> done);

    // The same on one connection, inside the caller's transaction (tools without the pool).
    static Result<CreatedApiKey> create(db::DbConnection &connection, const QString &name, auth::Role role,
                                        const QString &createdBy);
    static Result<QList<ApiKey>> list(db::DbConnection &connection);
    static Result<ApiKey> revoke(db::DbConnection &connection, const QString &id);
    static Result<ApiKey> find(db::DbConnection &connection, const QByteArray &token);

private:
    db::Database &m_database;
};

} // namespace wf
