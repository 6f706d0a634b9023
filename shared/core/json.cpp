#include "json.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace wf::json {

QByteArray serialize(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray serialize(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QByteArray serialize(const QJsonValue &value)
{
    if (value.isObject())
        return serialize(value.toObject());
    if (value.isArray())
        return serialize(value.toArray());
    // QJsonDocument only holds containers: wrap the scalar and cut the brackets off again.
    const QByteArray wrapped = serialize(QJsonArray{value});
    return wrapped.mid(1, wrapped.size() - 2);
}

std::optional<QJsonValue> parse(const QByteArray &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        if (document.isObject())
            return QJsonValue(document.object());
        return QJsonValue(document.array());
    }
    // A scalar at the top level: parse it as the only element of an array.
    QByteArray wrapped;
    wrapped.reserve(text.size() + 2);
    wrapped.append('[').append(text).append(']');
    QJsonParseError scalarError;
    const QJsonDocument scalar = QJsonDocument::fromJson(wrapped, &scalarError);
    if (scalarError.error == QJsonParseError::NoError && scalar.isArray() && scalar.array().size() == 1)
        return scalar.array().at(0);
    if (error)
        *error = parseError.errorString() + u" at offset "_s + QString::number(parseError.offset);
    return std::nullopt;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

QString findNulCharacter(const QJsonValue &value, const QString &path)
{
    if (value.isString())
        return value.toString().contains(QChar(0)) ? path : QString();
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString found = findNulCharacter(array.at(i), path + u'[' + QString::number(i) + u']');
            if (!found.isEmpty())
                return found;
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString childPath = path + u'.' + it.key();
            if (it.key().contains(QChar(0)))
                return childPath;
            const QString found = findNulCharacter(it.value(), childPath);
            if (!found.isEmpty())
                return found;
        }
    }
    return {};
}

QString formatTimestamp(qint64 microsSinceEpoch)
{
    const qint64 millis = microsSinceEpoch >= 0 ? microsSinceEpoch / 1000 : (microsSinceEpoch - 999) / 1000;
    const int micros = int(microsSinceEpoch - millis * 1000);
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC);
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"))
            + QString::number(micros).rightJustified(3, u'0') + u'Z';
}

} // namespace wf::json
