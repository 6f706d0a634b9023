#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace wf {

// How a RunExecution ended.
struct RunOutcome
{
    // "success", "failed", "cancelled" (cancel() was called), or "stopped" (stop(): the owner could
    // not persist a checkpoint, so the run's status is not this execution's to decide).
    QString status;
    std::optional<QString> error;  // for "failed": "step '<name>': <the step's error>"
    QJsonObject stepResults;       // every step result, by step name, the last one included
};

} // namespace wf
