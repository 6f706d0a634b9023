#include "sqlparam.h"

#include "core/json.h"

namespace wf::db {

SqlParam::SqlParam(const QString &text) : m_text(text.toUtf8()) { }

SqlParam::SqlParam(double value) : m_text(QByteArray::number(value, 'g', 17)) { }

SqlParam::SqlParam(const QJsonObject &value) : m_text(json::serialize(value)) { }

SqlParam::SqlParam(const QJsonArray &value) : m_text(json::serialize(value)) { }

SqlParam SqlParam::json(const QJsonValue &value)
{
    SqlParam param;
    param.m_text = json::serialize(value);
    return param;
}

SqlParam SqlParam::textArray(const QStringList &values)
{
    QByteArray literal = "{";
    for (int i = 0; i < values.size(); ++i) {
        if (i > 0)
            literal.append(',');
        literal.append('"');
        const QByteArray utf8 = values.at(i).toUtf8();
        for (char c : utf8) {
            if (c == '"' || c == '\\')
                literal.append('\\');
            literal.append(c);
        }
        literal.append('"');
    }
    literal.append('}');
    SqlParam param;
    param.m_text = literal;
    return param;
}

} // namespace wf::db
