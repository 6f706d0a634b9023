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

namespace {

QString stringProblem(const QString &text)
{
    if (text.contains(QChar(0)))
        return u"contains the character U+0000, which cannot be stored"_s;
    if (!QStringView(text).isValidUtf16())
        return u"contains an unpaired UTF-16 surrogate (\\ud800-\\udfff), which is not valid Unicode"_s;
    return {};
}

QString storageProblem(const QJsonValue &value, const QString &path, int depthLeft, int maxDepth)
{
    if (value.isString()) {
        const QString problem = stringProblem(value.toString());
        return problem.isEmpty() ? QString() : path + u' ' + problem;
    }
    if (!value.isArray() && !value.isObject())
        return {};
    if (depthLeft <= 0)
        return u"%1 is nested more than %2 levels deep"_s.arg(path).arg(maxDepth);
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString found = storageProblem(array.at(i), path + u'[' + QString::number(i) + u']', depthLeft - 1, maxDepth);
            if (!found.isEmpty())
                return found;
        }
        return {};
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString childPath = path + u'.' + it.key();
        const QString keyProblem = stringProblem(it.key());
        if (!keyProblem.isEmpty())
            return u"a key in "_s + path + u' ' + keyProblem;
        const QString found = storageProblem(it.value(), childPath, depthLeft - 1, maxDepth);
        if (!found.isEmpty())
            return found;
    }
    return {};
}

} // namespace

QString storageProblem(const QJsonValue &value, const QString &path, int maxDepth)
{
    return storageProblem(value, path, maxDepth, maxDepth);
}

namespace {

// Adds to `used` what `value` takes; false as soon as `used` passes `limit`.
bool addSize(const QJsonValue &value, qint64 limit, qint64 &used)
{
    switch (value.type()) {
    case QJsonValue::String:
        used += value.toString().size() + 2;
        break;
    case QJsonValue::Double:
        used += 8;
        break;
    case QJsonValue::Bool:
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        used += 5;
        break;
    case QJsonValue::Array: {
        used += 2;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &element : array) {
            ++used;
            if (used > limit || !addSize(element, limit, used))
                return false;
        }
        break;
    }
    case QJsonValue::Object: {
        used += 2;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            used += it.key().size() + 4;
            if (used > limit || !addSize(it.value(), limit, used))
                return false;
        }
        break;
    }
    }
    return used <= limit;
}

} // namespace

qint64 sizeAtMost(const QJsonValue &value, qint64 limit)
{
    qint64 used = 0;
    return addSize(value, limit, used) ? used : limit + 1;
}

std::optional<qint64> parseTimestamp(const QString &text)
{
    if (!text.endsWith(u'Z'))
        return std::nullopt;
    // Whole seconds through QDateTime, the fraction (up to microseconds) by hand.
    const qsizetype dot = text.indexOf(u'.');
    const QString seconds = dot < 0 ? text.chopped(1) : text.left(dot);
    const QDateTime time = QDateTime::fromString(seconds, QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (!time.isValid())
        return std::nullopt;
    qint64 micros = QDateTime(time.date(), time.time(), Qt::UTC).toMSecsSinceEpoch() * 1000;
    if (dot >= 0) {
        QString fraction = text.mid(dot + 1).chopped(1);
        if (fraction.isEmpty() || fraction.size() > 9)
            return std::nullopt;
        fraction = fraction.left(6).leftJustified(6, u'0');
        bool ok = false;
        const qint64 part = fraction.toLongLong(&ok);
        if (!ok || part < 0)
            return std::nullopt;
        micros += part;
    }
    return micros;
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
