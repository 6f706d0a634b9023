#include "stepresult.h"

using namespace Qt::StringLiterals;

namespace wf {

namespace {

QJsonValue optionalString(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue(QJsonValue::Null);
}

std::optional<QString> readOptionalString(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (!value.isString())
        return std::nullopt;
    return value.toString();
}

} // namespace

bool StepResult::isDone() const
{
    return status == Status::Success || status == Status::Skipped;
}

std::optional<StepResult> StepResult::fromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    const std::optional<Status> status = statusFromName(object.value(u"status"_s).toString());
    if (!status)
        return std::nullopt;
    StepResult result;
    result.stepName = object.value(u"step_name"_s).toString();
    result.status = *status;
    result.startedAt = readOptionalString(object, u"started_at"_s);
    result.completedAt = readOptionalString(object, u"completed_at"_s);
    result.attempts = object.value(u"attempts"_s).toInt();
    const QJsonValue output = object.value(u"output"_s);
    result.output = output.isUndefined() ? QJsonValue(QJsonValue::Null) : output;
    result.error = readOptionalString(object, u"error"_s);
    return result;
}

QJsonObject StepResult::toJson() const
{
    return {
            {u"step_name"_s, stepName},
            {u"status"_s, statusName(status)},
            {u"started_at"_s, optionalString(startedAt)},
            {u"completed_at"_s, optionalString(completedAt)},
            {u"attempts"_s, attempts},
            {u"output"_s, output.isUndefined() ? QJsonValue(QJsonValue::Null) : output},
            {u"error"_s, optionalString(error)},
    };
}

QString StepResult::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return u"pending"_s;
    case Status::Running:
        return u"running"_s;
    case Status::Success:
        return u"success"_s;
    case Status::Failed:
        return u"failed"_s;
    case Status::Skipped:
        return u"skipped"_s;
    }
    return u"pending"_s;
}

std::optional<StepResult::Status> StepResult::statusFromName(const QString &name)
{
    for (Status status : {Status::Pending, Status::Running, Status::Success, Status::Failed, Status::Skipped}) {
        if (statusName(status) == name)
            return status;
    }
    return std::nullopt;
}

} // namespace wf
