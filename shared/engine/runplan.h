#pragma once

#include "workflow/stepdefinition.h"
#include "workflow/stepresult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace wf {

// What one run may produce. Checked while templates render, so that data which multiplies from
// step to step fails at the limit instead of exhausting the worker's memory.
struct RunLimits
{
    qint64 maxStepOutputBytes = 1 << 20; // WF_RUN_MAX_STEP_OUTPUT_BYTES: one step's output
    qint64 maxRunBytes = 16 << 20;       // WF_RUN_MAX_BYTES: all step outputs of the run together
};

// Everything RunExecution needs to execute one run; the owner reads it from storage.
struct RunPlan
{
    QString runId;
    QString workflowId;
    int workflowVersion = 0;
    QJsonObject payload;
    QList<StepDefinition> steps;  // of the workflow version the run started with
    StepResults stepResults;      // already stored: success/skipped steps are not run again
    QByteArray traceparent;       // W3C trace context; empty when none
    // The run a chain of retries started from (the run itself when it is no retry): what a step's
    // calls are identified by outside, so that a retry does not repeat a call that was applied.
    QString retryRootId;
    RunLimits limits;
};

} // namespace wf
