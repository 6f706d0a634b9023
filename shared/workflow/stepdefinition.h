#pragma once

#include "retrypolicy.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace wf {

// One step of a workflow as the client defined it. Validation lives in WorkflowDefinition::fromJson
// and in the step's StepType; this is only the data.
struct StepDefinition
{
    QString name;
    QString type;
    QJsonObject config;
    std::optional<RetryPolicy> retry;
    std::optional<qint64> timeoutMs;

    // The client's shape ({"name","type","config","retry","timeout_ms"}); unset optionals are left out.
    QJsonObject toJson() const;
    // Lenient: reads what toJson() wrote and fromJson() validated earlier, without judging it again.
    static StepDefinition fromStoredJson(const QJsonObject &object);
};

} // namespace wf
