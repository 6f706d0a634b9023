#pragma once

#include "kafka/kafkamessage.h"

#include <QObject>

#include <atomic>
#include <functional>

namespace wf {

class ExecutionStore;
class ChangeSink;

// Messages a worker cannot use (not JSON, no run id, no such run) go to the dead_letters table
// and the workflow.dlq topic. Until one is recorded it holds its partition's committed offset
// back, so recording is retried, with a growing pause, until it succeeds; then the message is
// acknowledged.
class DeadLetters : public QObject
{
public:
    using Acknowledge = std::function<void(const kafka::KafkaMessage &)>;

    // The workflow.dlq message written with each record goes to `changes` (published there).
    DeadLetters(ExecutionStore &store, ChangeSink &changes, Acknowledge acknowledge, QObject *parent = nullptr);

    void record(const kafka::KafkaMessage &message, const QString &reason);

    qint64 recorded() const { return m_recorded; }
    // Messages not yet recorded.
    int pending() const { return m_pending; }

    // The first pause after a failed write; it grows by this much per attempt, up to 30 s.
    void setRetryStepMs(int ms) { m_retryStepMs = ms; }

private:
    void write(const kafka::KafkaMessage &message, const QString &reason, int attempt);

    ExecutionStore &m_store;
    ChangeSink &m_changes;
    Acknowledge m_acknowledge;
    int m_retryStepMs = 500;
    qint64 m_recorded = 0;
    int m_pending = 0;
};

} // namespace wf
