#pragma once

#include "databaseurl.h"
#include "dbresult.h"
#include "sqlparam.h"

#include <QByteArray>
#include <QList>
#include <QString>

struct pg_conn;

namespace wf::db {

// One PostgreSQL connection, owned by the thread that created it (a QSqlDatabase connection
// named after that thread, as Qt requires). Every statement is sent with PQexecParams on the
// QPSQL handle: an unnamed statement, real parameters, one round trip, and nothing left behind
// on the server, which keeps it safe under PgBouncer transaction pooling.
class DbConnection
{
public:
    DbConnection(DatabaseUrl url, QString connectionName);
    ~DbConnection();
    DbConnection(const DbConnection &) = delete;
    DbConnection &operator=(const DbConnection &) = delete;

    // Opens (or re-opens after a failure) the connection; throws DbError when it cannot.
    void ensureOpen();
    bool isOpen() const;
    void close();

    // One statement with parameters $1…$n; throws DbError on failure.
    DbResult exec(const char *sql, const QList<SqlParam> &params = {});
    // Several statements without parameters in one simple-protocol round trip (migrations).
    void execScript(const QByteArray &script);

    void begin();
    void commit();
    // Never throws: a failed rollback means the connection is gone, which the next use repairs.
    void rollback() noexcept;
    bool inTransaction() const { return m_inTransaction; }

    const QString &name() const { return m_name; }

private:
    [[noreturn]] void fail(pg_result *result, const char *sql);

    DatabaseUrl m_url;
    QString m_name;
    pg_conn *m_conn = nullptr; // borrowed from the QSqlDatabase driver, which owns it
    bool m_inTransaction = false;
};

} // namespace wf::db
