#include "claimqueue.h"

#include "core/logging.h"

#include <QSet>

namespace wf {

ClaimQueue::ClaimQueue(ExecutionStore &store, Options options, Handlers handlers, QObject *parent)
    : QObject(parent), m_store(store), m_handlers(std::move(handlers)),
      m_batcher({options.batch, 0, options.delayMs, 1, options.retryMs}, [this](QList<Waiting> batch) { write(std::move(batch)); })
{
}

void ClaimQueue::add(const QString &runId, const kafka::KafkaMessage &message)
{
    m_batcher.add({runId, message});
}

void ClaimQueue::dropWaiting()
{
    m_batcher.takeWaiting();
}

void ClaimQueue::write(QList<Waiting> batch)
{
    QStringList runIds;
    QSet<QString> unique;
    for (const Waiting &waiting : std::as_const(batch)) {
        if (!unique.contains(waiting.runId)) {
            unique.insert(waiting.runId);
            runIds.append(waiting.runId);
        }
    }
    m_writing += int(batch.size());
    m_store.claim(this, runIds, [this, batch](Result<ClaimOutcome> outcome) {
        m_writing -= int(batch.size());
        if (!outcome.ok()) {
            // Nothing acknowledged: the same messages go again, first, after a pause.
            qCWarning(lcWorker) << "claiming" << batch.size() << "runs failed:" << outcome.error().detail();
            if (!m_stalled && m_handlers.stalled)
                m_handlers.stalled(true);
            m_stalled = true;
            m_batcher.finished(batch);
            if (m_handlers.settled)
                m_handlers.settled();
            return;
        }
        if (m_stalled && m_handlers.stalled)
            m_handlers.stalled(false);
        m_stalled = false;
        const QSet<QString> missing(outcome->missing.begin(), outcome->missing.end());
        const QSet<QString> busy(outcome->busy.begin(), outcome->busy.end());
        QList<Waiting> again;
        for (const ClaimedRun &run : std::as_const(outcome->claimed))
            m_handlers.claimed(run);
        m_claimed += outcome->claimed.size();
        if (!outcome->failed.isEmpty() && m_handlers.endedAtClaim)
            m_handlers.endedAtClaim(outcome->failed, outcome->completed);
        for (const Waiting &waiting : batch) {
            if (busy.contains(waiting.runId))
                again.append(waiting); // not acknowledged: claimed again after the pause
            else if (missing.contains(waiting.runId))
                m_handlers.missing(waiting.message, QStringLiteral("run %1 does not exist").arg(waiting.runId));
            else
                m_handlers.acknowledge(waiting.message);
        }
        m_batcher.finished(again);
        if (m_handlers.settled)
            m_handlers.settled();
    });
}

} // namespace wf
