#pragma once

#include "workflow/status.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace wf {

// A workflow run as stored and as the API shows it (the seed's shape, extended).
struct RunRecord
{
    QString uuid;
    QString workflowId;
    int workflowVersion = 1;
    RunStatus status = RunStatus::Pending;
    QJsonObject payload;
    qint64 startedAtMicros = 0; // the trigger time (the seed's meaning, and the list order)
    std::optional<qint64> completedAtMicros;
    std::optional<QString> error;
    QJsonObject stepResults;
    std::optional<QString> retryOf;


    // {uuid, id, run_id, workflow_id, workflow_version, status, payload, started_at,
    //  completed_at, error, step_results[, retry_of]}
    QJsonObject toJson() const;
};

} // namespace wf
