#include "sweeper.h"

#include "store/runeventlog.h"

#include "executionstore.h"

#include "core/logging.h"
#include "store/changesink.h"

#include <QRandomGenerator>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace wf {

Sweeper::Sweeper(ExecutionStore &store, ChangeSink &changes, Lag lag, int requeueSeconds, int intervalMs, int graceMs,
                 QObject *parent)
    : QObject(parent), m_store(store), m_changes(changes), m_lag(std::move(lag)), m_requeueSeconds(requeueSeconds),
      m_graceMs(graceMs)
{
    m_reachableSince.start();
    m_timer = new QTimer(this);
    // Jitter, so that the workers of a stack do not all sweep at the same moment.
    m_timer->setInterval(intervalMs + int(QRandomGenerator::global()->bounded(qMax(1, intervalMs / 4))));
    connect(m_timer, &QTimer::timeout, this, &Sweeper::sweep);
}

void Sweeper::start()
{
    m_timer->start();
}

bool Sweeper::inGrace() const
{
    return !m_reachableSince.isValid() || m_reachableSince.elapsed() < m_graceMs;
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
    const bool expireLeases = !inGrace();
    m_store.sweep(this, m_requeueSeconds, expireLeases, republishStale, 500, [this](const Result<QList<OutboxMessage>> &requeued) {
        m_busy = false;
        if (!requeued.ok()) {
            if (requeued.error().kind() == Error::Kind::Unavailable) {
                if (m_reachableSince.isValid())
                    qCInfo(lcWorker) << "sweeper: database unreachable; leases get" << m_graceMs << "ms of grace once it is back";
                m_reachableSince.invalidate();
            }
            return;
        }
        if (!m_reachableSince.isValid())
            m_reachableSince.start();
        if (requeued->isEmpty())
            return;
        m_requeued += requeued->size();
        qCInfo(lcWorker) << "sweeper re-enqueued" << requeued->size() << "run(s)";
        QStringList runIds;
        for (const OutboxMessage &message : *requeued) {
            runIds.append(QString::fromLatin1(message.key));
            if (m_events) {
                RunEvent event;
                event.runId = runIds.last();
                event.kind = u"requeued"_s;
                event.traceId = RunEvent::traceIdOf(message.headers.value(u"traceparent"_s).toString().toLatin1());
                event.detail = {{u"by"_s, u"sweeper"_s},
                                {u"why"_s, u"its lease expired, or it was pending too long without a consumer"_s}};
                m_events->record(std::move(event));
            }
        }
        m_changes.committed({runIds, {}, *requeued});
    });
}

} // namespace wf
