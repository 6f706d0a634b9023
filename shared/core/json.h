#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace wf::json {

// Compact UTF-8 serialisation of any JSON value (scalars included, which QJsonDocument refuses).
QByteArray serialize(const QJsonValue &value);
QByteArray serialize(const QJsonObject &object);
QByteArray serialize(const QJsonArray &array);

// Parses any JSON text (scalars included); nullopt when it is not valid JSON.
std::optional<QJsonValue> parse(const QByteArray &text, QString *error = nullptr);

// The JSON name of a value's type, for error messages: "string", "number", "object", …
QString typeName(const QJsonValue &value);

// The path ("payload.a[2]") of the first string or key holding U+0000, which PostgreSQL's jsonb
// cannot store; empty when there is none.
QString findNulCharacter(const QJsonValue &value, const QString &path);

// RFC 3339 UTC with microseconds ("2026-01-02T03:04:05.123456Z") from microseconds since the epoch.
QString formatTimestamp(qint64 microsSinceEpoch);

} // namespace wf::json
