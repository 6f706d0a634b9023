#pragma once

#include "workflow/status.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace wf {

// A run that is not moving, and why: pending longer than a threshold (no worker took it), or
// running under a lease that expired (its worker stopped renewing it).
struct StuckRun
{
    QString runId;
    QString workflowId;
    RunStatus status = RunStatus::Pending;
    qint64 startedAtMicros = 0;
    qint64 updatedAtMicros = 0;
    double stuckSeconds = 0;            // pending since the last trigger message, or since the lease expired
    std::optional<QString> leaseOwner;  // running: the worker whose lease expired
    int executions = 0;

    // Why, in words an operator can act on.
    QString reason() const;
    // {run_id, workflow_id, status, started_at, updated_at, stuck_seconds, lease_owner, executions, reason}
    QJsonObject toJson() const;
};

} // namespace wf
