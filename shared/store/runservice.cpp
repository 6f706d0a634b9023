#include "runservice.h"

#include "outbox/outboxpublisher.h"

namespace wf {

RunService::RunService(RunStore &store, OutboxPublisher *publisher) : m_store(store), m_publisher(publisher) { }

void RunService::publish(const OutboxMessage &message)
{
    if (m_publisher)
        m_publisher->publish(message);
}

void RunService::trigger(QObject *context, const TriggerRequest &request, Callback<TriggerOutcome> done)
{
    m_store.trigger(context, request, [this, done = std::move(done)](Result<TriggerOutcome> outcome) {
        if (outcome.ok() && outcome->message)
            publish(*outcome->message);
        done(std::move(outcome));
    });
}

void RunService::get(QObject *context, const QString &runId, Callback<RunRecord> done)
{
    m_store.get(context, runId, std::move(done));
}

void RunService::list(QObject *context, const RunQuery &query, Callback<Page<RunRecord>> done)
{
    m_store.list(context, query, std::move(done));
}

void RunService::cancel(QObject *context, const QString &runId, Callback<RunRecord> done)
{
    m_store.cancel(context, runId, [this, done = std::move(done)](Result<RunCancellation> cancelled) {
        if (!cancelled.ok())
            return done(cancelled.error());
        publish(cancelled->message);
        done(cancelled->run);
    });
}

void RunService::retry(QObject *context, const QString &runId, const QByteArray &traceparent, Callback<TriggerOutcome> done)
{
    m_store.retry(context, runId, traceparent, [this, done = std::move(done)](Result<TriggerOutcome> outcome) {
        if (outcome.ok() && outcome->message)
            publish(*outcome->message);
        done(std::move(outcome));
    });
}

} // namespace wf
