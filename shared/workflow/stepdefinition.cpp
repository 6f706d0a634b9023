#include "stepdefinition.h"

using namespace Qt::StringLiterals;

namespace wf {

QJsonObject StepDefinition::toJson() const
{
    QJsonObject object{
        {u"name"_s, name},
        {u"type"_s, type},
        {u"config"_s, config},
    };
    if (retry)
        object.insert(u"retry"_s, retry->toJson());
    if (timeoutMs)
        object.insert(u"timeout_ms"_s, *timeoutMs);
    return object;
}

StepDefinition StepDefinition::fromStoredJson(const QJsonObject &object)
{
    StepDefinition step;
    step.name = object.value(u"name"_s).toString();
    step.type = object.value(u"type"_s).toString();
    step.config = object.value(u"config"_s).toObject();
    const QJsonValue retry = object.value(u"retry"_s);
    if (retry.isObject()) {
        const Result<RetryPolicy> policy = RetryPolicy::fromJson(retry, u"retry"_s);
        // Stored data passed validation once; if the rules got stricter since, a step that was meant
        // to be retried still is, with the default policy rather than none.
        step.retry = policy ? *policy : RetryPolicy{};
    }
    const QJsonValue timeout = object.value(u"timeout_ms"_s);
    if (timeout.isDouble() && timeout.toInteger() > 0)
        step.timeoutMs = timeout.toInteger();
    return step;
}

} // namespace wf
