#pragma once

#include "runstore.h"

namespace wf {

class OutboxPublisher;

// What the API does with runs: the store's state change, then at once the Kafka message written
// with it (the outbox relay covers a publish that fails or never happens). Without a publisher
// (no broker configured) messages wait in the outbox.
class RunService
{
public:
    RunService(RunStore &store, OutboxPublisher *publisher);

    void trigger(QObject *context, const TriggerRequest &request, Callback<TriggerOutcome> done);
    void get(QObject *context, const QString &runId, Callback<RunRecord> done);
    void list(QObject *context, const RunQuery &query, Callback<Page<RunRecord>> done);
    void cancel(QObject *context, const QString &runId, Callback<RunRecord> done);
    void retry(QObject *context, const QString &runId, const QByteArray &traceparent, Callback<TriggerOutcome> done);

private:
    void publish(const OutboxMessage &message);

    RunStore &m_store;
    OutboxPublisher *m_publisher;
};

} // namespace wf
