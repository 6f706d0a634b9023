#pragma once

#include <QJsonObject>
#include <QString>

namespace wf {

// One entry of a run's timeline (run_events): what happened, when, done by which process.
//   accepted     a server created the run (detail: workflow_id, retry_of)
//   published    its trigger message reached Kafka (partition, offset)
//   claimed      a worker took it (execution k; resumed: an earlier one did not finish it)
//   step         one step attempt ended (step, attempt, status, duration_ms, error)
//   lease_lost   the worker lost it (the run is cancelled, or another took it over)
//   requeued     an operator put it back
//   finished     it ended (status, error), written by a worker or a server (cancelled)
struct RunEvent
{
    QString runId;
    QString kind;
    QString instance;
    QString traceId; // the W3C trace id of the run's traceparent; empty when none
    qint64 atMicros = 0;
    QJsonObject detail;

    QJsonObject toJson() const; // {"at","kind","instance","trace_id","detail"}
    // The trace-id part of a W3C traceparent ("00-<trace id>-<span id>-<flags>"), else empty.
    static QString traceIdOf(const QByteArray &traceparent);
};

} // namespace wf
