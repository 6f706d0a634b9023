#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace wf {

class HttpClientPool;

// What one attempt of a step may use besides its rendered config: the run around it and the
// thread's HTTP clients. Built by RunExecution for each attempt.
struct StepEnvironment
{
    HttpClientPool *http = nullptr;     // owned by the thread that runs the attempt
    QString runId;
    QString workflowId;
    QString retryRootId;                // the run a chain of retries started from (RunPlan::retryRootId)
    QByteArray traceparent;             // W3C trace context of the run; empty when there is none
    int attempt = 1;                    // 1 for the first attempt of the step
    std::optional<qint64> timeoutMs;    // this attempt's bound (RunExecution enforces it as well)
    // For a step that waits (ExecutableStep::plannedWaitMs): when the wait ends, in microseconds
    // since the epoch. Set when the step first started, and kept when another worker resumes it.
    std::optional<qint64> deadlineMicros;
};

} // namespace wf
