#include "sweeper.h"

#include "executionstore.h"

#include "core/logging.h"
#include "store/changesink.h"

#include <QRandomGenerator>
#include <QTimer>

namespace wf {

Sweeper::Sweeper(ExecutionStore &store, ChangeSink &changes, Lag lag, int requeueSeconds, int intervalMs, QObject *parent)
    : QObject(parent), m_store(store), m_changes(changes), m_lag(std::move(lag)), m_requeueSeconds(requeueSeconds)
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
    // Unknown lag (broker unreachable) counts as none: a lost message must not stay lost.
    const std::optional<qint64> lag = m_lag ? m_lag() : std::nullopt;
    const bool republishStale = !lag || *lag == 0;
    if (!republishStale)
        ++m_heldBack;
    m_store.sweep(this, m_requeueSeconds, republishStale, 500, [this](const Result<QList<OutboxMessage>> &requeued) {
        m_busy = false;
        if (!requeued.ok() || requeued->isEmpty())
            return;
        m_requeued += requeued->size();
        qCInfo(lcWorker) << "sweeper re-enqueued" << requeued->size() << "run(s)";
        QStringList runIds;
        for (const OutboxMessage &message : *requeued)
            runIds.append(QString::fromLatin1(message.key));
        m_changes.committed({runIds, {}, *requeued});
    });
}

} // namespace wf
