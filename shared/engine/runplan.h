#pragma once

#include "workflow/stepdefinition.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace wf {

// Everything RunExecution needs to execute one run; the owner reads it from storage.
struct RunPlan
{
    QString runId;
    QString workflowId;
    int workflowVersion = 0;
    QJsonObject payload;
    QList<StepDefinition> steps;  // of the workflow version the run started with
    QJsonObject stepResults;      // already stored, by step name: success/skipped steps are not run again
    QByteArray traceparent;       // W3C trace context; empty when none
};

} // namespace wf
