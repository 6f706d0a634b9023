#include "dbresult.h"

#include "core/json.h"

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

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

Result<QJsonValue> DbResult::parsedJson(int row, int column) const
{
    if (isNull(row, column))
        return QJsonValue(QJsonValue::Undefined);
    std::optional<QJsonValue> parsed = wf::json::parse(bytes(row, column));
    if (!parsed) {
        const char *name = PQfname(m_result.get(), column);
        return Error::internal(u"stored JSON in column %1 cannot be parsed"_s.arg(QString::fromUtf8(name ? name : "?")));
    }
    return std::move(*parsed);
}

QJsonValue DbResult::json(int row, int column) const
{
    Result<QJsonValue> parsed = parsedJson(row, column);
    if (!parsed)
        throw parsed.error();
    return std::move(*parsed);
}

} // namespace wf::db
