#include "sweeper.h"

#include "executionstore.h"

#include "cache/cache.h"
#include "core/logging.h"
#include "outbox/outboxpublisher.h"

#include <QRandomGenerator>
#include <QTimer>

namespace wf {

Sweeper::Sweeper(ExecutionStore &store, OutboxPublisher *publisher, Cache *cache, int requeueSeconds, int intervalMs,
                 QObject *parent)
    : QObject(parent), m_store(store), m_publisher(publisher), m_cache(cache), m_requeueSeconds(requeueSeconds)
{
    m_timer = new QTimer(this);
    // Jitter, so that the workers of a stack do not all sweep at the same moment.
    m_timer->setInterval(intervalMs + int(QRandomGenerator::global()->bounded(qMax(1, intervalMs / 4))));
    connect(m_timer, &QTimer::timeout, this, &Sweeper::sweep);
}

void Sweeper::start()
{
    m_timer->start();
}

void Sweeper::sweep()
{
    if (m_busy)
        return;
    m_busy = true;
    m_store.sweep(this, m_requeueSeconds, 500, [this](const Result<QList<OutboxMessage>> &requeued) {
        m_busy = false;
        if (!requeued.ok() || requeued->isEmpty())
            return;
        m_requeued += requeued->size();
        qCInfo(lcWorker) << "sweeper re-enqueued" << requeued->size() << "run(s)";
        if (m_cache) {
            // Runs whose lease expired went back to pending.
            QList<QByteArray> keys;
            for (const OutboxMessage &message : *requeued)
                keys.append(Cache::runKey(QString::fromLatin1(message.key)));
            m_cache->invalidate(keys);
        }
        if (m_publisher)
            m_publisher->publish(*requeued);
    });
}

} // namespace wf
