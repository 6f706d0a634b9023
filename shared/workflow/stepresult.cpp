#include "stepresult.h"

#include "core/json.h"

using namespace Qt::StringLiterals;

namespace wf {

namespace {

QJsonValue optionalTime(const std::optional<qint64> &micros)
{
    return micros ? QJsonValue(json::formatTimestamp(*micros)) : QJsonValue(QJsonValue::Null);
}

// Absent or null is no time; anything else must be an RFC 3339 UTC time.
Result<std::optional<qint64>> readTime(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<qint64>();
    const std::optional<qint64> micros = value.isString() ? json::parseTimestamp(value.toString()) : std::nullopt;
    if (!micros)
        return Error::internal(key + u" is not a time"_s);
    return std::optional<qint64>(micros);
}

} // namespace

bool StepResult::isDone() const
{
    return status == StepStatus::Success || status == StepStatus::Skipped;
}

Result<StepResult> StepResult::fromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return Error::internal(u"a step result must be an object, got "_s + json::typeName(value));
    const QJsonObject object = value.toObject();
    const std::optional<StepStatus> status = stepStatusFromName(object.value(u"status"_s).toString());
    if (!status)
        return Error::internal(u"unknown step status "_s + QString::fromUtf8(json::serialize(object.value(u"status"_s))));
    StepResult result;
    result.stepName = object.value(u"step_name"_s).toString();
    result.status = *status;
    for (auto [key, slot] : {std::pair{u"started_at"_s, &result.startedAtMicros},
                             std::pair{u"completed_at"_s, &result.completedAtMicros},
                             std::pair{u"deadline"_s, &result.deadlineMicros}}) {
        Result<std::optional<qint64>> time = readTime(object, key);
        if (!time)
            return time.error();
        *slot = *time;
    }
    result.attempts = object.value(u"attempts"_s).toInt();
    const QJsonValue output = object.value(u"output"_s);
    result.output = output.isUndefined() ? QJsonValue(QJsonValue::Null) : output;
    const QJsonValue error = object.value(u"error"_s);
    if (error.isString())
        result.error = error.toString();
    return result;
}

QJsonObject StepResult::toJson() const
{
    QJsonObject object{
            {u"step_name"_s, stepName},
            {u"status"_s, statusName(status)},
            {u"started_at"_s, optionalTime(startedAtMicros)},
            {u"completed_at"_s, optionalTime(completedAtMicros)},
            {u"attempts"_s, attempts},
            {u"output"_s, output.isUndefined() ? QJsonValue(QJsonValue::Null) : output},
            {u"error"_s, error ? QJsonValue(*error) : QJsonValue(QJsonValue::Null)},
    };
    if (deadlineMicros && status == StepStatus::Running)
        object.insert(u"deadline"_s, optionalTime(deadlineMicros));
    return object;
}

Result<StepResults> stepResultsFromJson(const QJsonObject &object)
{
    StepResults results;
    for (auto it = object.begin(); it != object.end(); ++it) {
        Result<StepResult> result = StepResult::fromJson(it.value());
        if (!result)
            return Error::internal(u"step result '"_s + it.key() + u"': "_s + result.error().detail());
        if (result->stepName.isEmpty())
            result->stepName = it.key();
        results.insert(it.key(), std::move(*result));
    }
    return results;
}

QJsonObject stepResultsToJson(const StepResults &results)
{
    QJsonObject object;
    for (auto it = results.begin(); it != results.end(); ++it)
        object.insert(it.key(), it->toJson());
    return object;
}

} // namespace wf
