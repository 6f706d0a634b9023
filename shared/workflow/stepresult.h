#pragma once

#include "status.h"

#include "core/result.h"

#include <QMap>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace wf {

// The result of one step inside a run object:
// {"step_name","status","started_at","completed_at","attempts","output","error"} and, while a step
// that waits for a moment (a delay) runs, "deadline": when it ends, kept across a takeover.
struct StepResult
{
    QString stepName;
    StepStatus status = StepStatus::Pending;
    std::optional<qint64> startedAtMicros;   // since the epoch
    std::optional<qint64> completedAtMicros;
    int attempts = 0;                        // attempts made (started)
    QJsonValue output = QJsonValue::Null;
    std::optional<QString> error;
    std::optional<qint64> deadlineMicros;

    // Success or skipped: a resumed run does not execute the step again.
    bool isDone() const;

    // A stored result; an error naming what is wrong when it is not one this platform wrote.
    static Result<StepResult> fromJson(const QJsonValue &value);
    QJsonObject toJson() const;
};

// A run's step results by step name.
using StepResults = QMap<QString, StepResult>;

// The stored step_results object of a run; an error naming the step when one cannot be read.
Result<StepResults> stepResultsFromJson(const QJsonObject &object);
QJsonObject stepResultsToJson(const StepResults &results);

} // namespace wf
