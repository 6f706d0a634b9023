#include "keystore.h"

#include "auth/apitoken.h"
#include "db/database.h"
#include "db/dbconnection.h"

using namespace Qt::StringLiterals;

namespace wf {

namespace {

#define WF_KEY_COLUMNS \
    "id, name, role, created_by, (extract(epoch FROM created_at) * 1000000)::int8," \
    " coalesce((extract(epoch FROM revoked_at) * 1000000)::int8, 0)"

ApiKey keyAt(const db::DbResult &result, int row)
{
    ApiKey key;
    key.id = result.text(row, 0);
    key.name = result.text(row, 1);
    key.role = auth::parseRole(result.text(row, 2)).value_or(auth::Role::Client);
    key.createdBy = result.text(row, 3);
    key.createdAtMicros = result.int64(row, 4);
    key.revokedAtMicros = result.int64(row, 5);
    return key;
}

} // namespace

KeyStore::KeyStore(db::Database &database) : m_database(database) { }

Result<CreatedApiKey> KeyStore::create(db::DbConnection &connection, const QString &name, auth::Role role,
                                       const QString &createdBy)
{
    const auth::ApiToken token = auth::ApiToken::generate();
    const QByteArray digest = token.digest();
    const db::DbResult inserted = connection.exec(
            "INSERT INTO api_keys (id, name, role, digest, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING " WF_KEY_COLUMNS,
            {token.id, name, auth::roleName(role), digest, createdBy});
    return CreatedApiKey{keyAt(inserted, 0), token.text(), digest};
}

Result<QList<ApiKey>> KeyStore::list(db::DbConnection &connection)
{
    const db::DbResult result = connection.exec("SELECT " WF_KEY_COLUMNS " FROM api_keys ORDER BY created_at DESC, id");
    QList<ApiKey> keys;
    for (int row = 0; row < result.rows(); ++row)
        keys.append(keyAt(result, row));
    return keys;
}

Result<ApiKey> KeyStore::revoke(db::DbConnection &connection, const QString &id)
{
    const db::DbResult result = connection.exec(
            "UPDATE api_keys SET revoked_at = coalesce(revoked_at, clock_timestamp()) WHERE id = $1 RETURNING " WF_KEY_COLUMNS,
            {id});
    if (result.rows() == 0)
        return Error::notFound(u"API key %1 not found"_s.arg(id.left(40)));
    return keyAt(result, 0);
}

Result<ApiKey> KeyStore::find(db::DbConnection &connection, const QByteArray &token)
{
    const auto parsed = auth::ApiToken::parse(token);
    if (!parsed)
        return Error::notFound(u"not an API key (wf_<id>_<secret>)"_s);
    const db::DbResult result = connection.exec(
            "SELECT " WF_KEY_COLUMNS ", digest FROM api_keys WHERE id = $1 AND revoked_at IS NULL", {parsed->id});
    if (result.rows() == 0 || !auth::constantTimeEquals(result.text(0, 6).toLatin1(), parsed->digest()))
        return Error::notFound(u"API key wf_%1_… is not valid"_s.arg(parsed->id));
    return keyAt(result, 0);
}

void KeyStore::create(QObject *context, const QString &name, auth::Role role, const QString &createdBy,
                      Callback<CreatedApiKey> done)
{
    m_database.write(
            context, [name, role, createdBy](db::DbConnection &connection) { return create(connection, name, role, createdBy); },
            std::move(done));
}

void KeyStore::list(QObject *context, Callback<QList<ApiKey>> done)
{
    m_database.read(context, [](db::DbConnection &connection) { return list(connection); }, std::move(done));
}

void KeyStore::revoke(QObject *context, const QString &id, Callback<ApiKey> done)
{
    m_database.write(context, [id](db::DbConnection &connection) { return revoke(connection, id); }, std::move(done));
}

void KeyStore::find(QObject *context, const QByteArray &token, Callback<ApiKey> done)
{
    m_database.read(context, [token](db::DbConnection &connection) { return find(connection, token); }, std::move(done));
}

void KeyStore::valid(QObject *context, Callback<QList<auth::KeyRing::Entry>> done)
{
    m_database.read(
            context,
            [](db::DbConnection &connection) {
                const db::DbResult result =
                        connection.exec("SELECT id, name, role, digest FROM api_keys WHERE revoked_at IS NULL");
                QList<auth::KeyRing::Entry> entries;
                entries.reserve(result.rows());
                for (int row = 0; row < result.rows(); ++row) {
                    entries.append({result.text(row, 0), result.text(row, 1),
                                    auth::parseRole(result.text(row, 2)).value_or(auth::Role::Client),
                                    result.text(row, 3).toLatin1()});
                }
                return entries;
            },
            std::move(done));
}

} // namespace wf
