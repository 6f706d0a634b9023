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

// Why `value` cannot be stored and read back exactly, naming the place ("body.payload.a[2]"), or
// an empty string when it can: a string or key holding U+0000 (PostgreSQL's text and jsonb refuse
// it) or a lone UTF-16 surrogate (it would come back as "?"), or nesting deeper than `maxDepth`
// (a listing wraps stored values in more levels, and parsers stop at 1024).
QString storageProblem(const QJsonValue &value, const QString &path, int maxDepth);

// About how many bytes `value` takes as compact UTF-8 JSON, counted only up to `limit`: the
// answer is exact enough for size limits (strings count their UTF-16 length) and stops walking
// once `limit` is passed, returning `limit + 1`, so that even a value built to be huge (one
// array shared many times over) costs at most `limit` steps to judge.
qint64 sizeAtMost(const QJsonValue &value, qint64 limit);

// RFC 3339 UTC with microseconds ("2026-01-02T03:04:05.123456Z") from microseconds since the epoch.
QString formatTimestamp(qint64 microsSinceEpoch);
// The inverse of formatTimestamp for any RFC 3339 UTC text ("…Z"); nullopt when it is not one.
std::optional<qint64> parseTimestamp(const QString &text);

} // namespace wf::json
