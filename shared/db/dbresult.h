#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <memory>

struct pg_result;

namespace wf::db {

// The rows of one statement (owns the libpq PGresult). Values are PostgreSQL's text format.
class DbResult
{
public:
    DbResult() = default;
    explicit DbResult(pg_result *result);

    int rows() const;
    int columns() const;
    // Index of a named column; -1 when absent.
    int column(const char *name) const;
    // Rows affected by INSERT/UPDATE/DELETE.
    qint64 affected() const;

    bool isNull(int row, int column) const;
    QByteArray bytes(int row, int column) const;
    QString text(int row, int column) const;
    qint64 int64(int row, int column) const;
    int int32(int row, int column) const { return int(int64(row, column)); }
    double number(int row, int column) const;
    bool boolean(int row, int column) const;
    // A json/jsonb column parsed; Undefined when NULL. Throws Error::internal, naming the column,
    // when the stored text is not JSON: corrupt data is an error, never an empty value.
    QJsonValue json(int row, int column) const;
    // The same without throwing.
    Result<QJsonValue> parsedJson(int row, int column) const;

private:
    struct Deleter
    {
        void operator()(pg_result *result) const;
    };
    std::unique_ptr<pg_result, Deleter> m_result;
};

} // namespace wf::db
