#include "dbconnection.h"

#include "dberror.h"

#include "core/logging.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace wf::db {

DbConnection::DbConnection(DatabaseUrl url, QString connectionName)
    : m_url(std::move(url)), m_name(std::move(connectionName))
{
}

DbConnection::~DbConnection()
{
    close();
    QSqlDatabase::removeDatabase(m_name);
}

bool DbConnection::isOpen() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

void DbConnection::close()
{
    m_conn = nullptr;
    m_inTransaction = false;
    if (QSqlDatabase::contains(m_name)) {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
}

void DbConnection::ensureOpen()
{
    if (isOpen())
        return;
    close();
    QSqlDatabase db = QSqlDatabase::contains(m_name) ? QSqlDatabase::database(m_name, false)
                                                     : QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
    if (!db.isValid())
        throw DbError(u"the Qt PostgreSQL driver (QPSQL) is not available"_s, {}, true);
    db.setHostName(m_url.host);
    db.setPort(m_url.port);
    db.setUserName(m_url.user);
    db.setPassword(m_url.password);
    db.setDatabaseName(m_url.database);
    QString options = u"connect_timeout=5"_s;
    if (!m_url.options.isEmpty())
        options += u';' + m_url.options;
    db.setConnectOptions(options);
    if (!db.open()) {
        const QString message = db.lastError().text();
        db.close();
        throw DbError(u"cannot connect to %1: %2"_s.arg(m_url.display(), message), "08001", true);
    }
    m_conn = *static_cast<PGconn *const *>(db.driver()->handle().data());
    // Server notices ("relation … already exists, skipping") go to the log, not to stderr.
    PQsetNoticeProcessor(
            m_conn, [](void *, const char *message) { qCDebug(lcDb) << QByteArray(message).trimmed(); }, nullptr);
    m_inTransaction = false;
}

void DbConnection::fail(pg_result *result, const char *sql)
{
    // The primary message only: DETAIL and CONTEXT may quote parameter values back.
    const char *primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const QString full = QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn)).trimmed();
    const QString message = primary ? QString::fromUtf8(primary) : full;
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const bool lost = PQstatus(m_conn) != CONNECTION_OK;
    const QByteArray sqlState = state ? QByteArray(state) : QByteArray();
    PQclear(result);
    if (lost) {
        m_conn = nullptr;
        m_inTransaction = false;
    }
    qCDebug(lcDb) << "statement failed:" << full << "sqlstate" << sqlState << "in" << QByteArray(sql).left(120);
    throw DbError(message.isEmpty() ? u"connection to the database lost"_s : message, sqlState, lost);
}

DbResult DbConnection::exec(const char *sql, const QList<SqlParam> &params)
{
    ensureOpen();
    std::vector<const char *> values;
    values.reserve(size_t(params.size()));
    for (const SqlParam &param : params) {
        // libpq takes NUL-terminated text: an embedded NUL would silently cut the value short.
        if (param.hasEmbeddedNul())
            throw DbError(u"a text value contains the character U+0000"_s, "22021", false);
        values.push_back(param.data());
    }
    PGresult *result = PQexecParams(m_conn, sql, int(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(result, sql);
    return DbResult(result);
}

void DbConnection::execScript(const QByteArray &script)
{
    ensureOpen();
    PGresult *result = PQexec(m_conn, script.constData());
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        fail(result, script.constData());
    PQclear(result);
}

void DbConnection::begin()
{
    exec("BEGIN");
    m_inTransaction = true;
}

void DbConnection::commit()
{
    m_inTransaction = false;
    exec("COMMIT");
}

void DbConnection::rollback() noexcept
{
    if (!m_conn)
        return;
    m_inTransaction = false;
    PGresult *result = PQexec(m_conn, "ROLLBACK");
    PQclear(result);
}

} // namespace wf::db
