#include "dbresult.h"

#include "core/json.h"

#include <libpq-fe.h>

namespace wf::db {

void DbResult::Deleter::operator()(pg_result *result) const
{
    PQclear(result);
}

DbResult::DbResult(pg_result *result) : m_result(result) { }

int DbResult::rows() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}

int DbResult::columns() const
{
    return m_result ? PQnfields(m_result.get()) : 0;
}

int DbResult::column(const char *name) const
{
    return m_result ? PQfnumber(m_result.get(), name) : -1;
}

qint64 DbResult::affected() const
{
    return m_result ? QByteArray(PQcmdTuples(m_result.get())).toLongLong() : 0;
}

bool DbResult::isNull(int row, int column) const
{
    return !m_result || PQgetisnull(m_result.get(), row, column);
}

QByteArray DbResult::bytes(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return QByteArray(PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

QString DbResult::text(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return QString::fromUtf8(PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

qint64 DbResult::int64(int row, int column) const
{
    return isNull(row, column) ? 0 : QByteArray(PQgetvalue(m_result.get(), row, column)).toLongLong();
}

double DbResult::number(int row, int column) const
{
    return isNull(row, column) ? 0.0 : QByteArray(PQgetvalue(m_result.get(), row, column)).toDouble();
}

bool DbResult::boolean(int row, int column) const
{
    return !isNull(row, column) && PQgetvalue(m_result.get(), row, column)[0] == 't';
}

QJsonValue DbResult::json(int row, int column) const
{
    if (isNull(row, column))
        return QJsonValue(QJsonValue::Undefined);
    return wf::json::parse(bytes(row, column)).value_or(QJsonValue(QJsonValue::Undefined));
}

} // namespace wf::db
