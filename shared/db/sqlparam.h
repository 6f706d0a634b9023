#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace wf::db {

// One statement parameter in PostgreSQL's text format (NULL when empty optional). Values travel
// as real parameters of an unnamed statement (PQexecParams), never spliced into SQL text.
class SqlParam
{
public:
    SqlParam(std::nullopt_t) { }
    SqlParam(const QByteArray &text) : m_text(text) { }
    SqlParam(const QString &text);
    SqlParam(const char *text) : m_text(QByteArray(text)) { }
    SqlParam(int value) : m_text(QByteArray::number(value)) { }
    SqlParam(qint64 value) : m_text(QByteArray::number(value)) { }
    SqlParam(double value);
    SqlParam(bool value) : m_text(value ? QByteArray("true") : QByteArray("false")) { }
    SqlParam(const QJsonObject &value);
    SqlParam(const QJsonArray &value);
    // Deliberately explicit: a QJsonValue parameter is always meant as jsonb text.
    static SqlParam json(const QJsonValue &value);
    // A PostgreSQL array literal ({"a","b"}) for text[] parameters.
    static SqlParam textArray(const QStringList &values);

    template<typename T>
    SqlParam(const std::optional<T> &value)
    {
        if (value)
            *this = SqlParam(*value);
    }

    bool isNull() const { return !m_text.has_value(); }
    const char *data() const { return m_text ? m_text->constData() : nullptr; }
    bool hasEmbeddedNul() const { return m_text && m_text->contains('\0'); }

private:
    SqlParam() = default;
    std::optional<QByteArray> m_text;
};

} // namespace wf::db
