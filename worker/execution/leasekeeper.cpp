#include "leasekeeper.h"

#include "core/logging.h"

#include <QTimer>

namespace wf {

LeaseKeeper::LeaseKeeper(ExecutionStore &store, Lost lost, QObject *parent)
    : QObject(parent), m_store(store), m_lost(std::move(lost))
{
    m_clock.start();
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &LeaseKeeper::renew);
}

void LeaseKeeper::start(int intervalMs)
{
    m_timer->start(intervalMs > 0 ? intervalMs : qMax(500, m_store.leaseSeconds() * 1000 / 3));
}

void LeaseKeeper::track(const RunLease &lease, qint64 confirmedAtMs)
{
    m_leases.insert(lease.runId, lease);
    m_confirmedAt.insert(lease.runId, confirmedAtMs >= 0 ? confirmedAtMs : elapsed());
}

void LeaseKeeper::confirmed(const RunLease &lease, qint64 sentAtMs)
{
    if (!holds(lease))
        return;
    qint64 &at = m_confirmedAt[lease.runId];
    at = qMax(at, sentAtMs);
}

void LeaseKeeper::forget(const RunLease &lease)
{
    if (!holds(lease))
        return;
    m_leases.remove(lease.runId);
    m_confirmedAt.remove(lease.runId);
}

bool LeaseKeeper::holds(const RunLease &lease) const
{
    const auto it = m_leases.constFind(lease.runId);
    return it != m_leases.cend() && *it == lease;
}

qint64 LeaseKeeper::deadline(const RunLease &lease) const
{
    if (!holds(lease))
        return 0;
    return m_confirmedAt.value(lease.runId) + qint64(m_store.leaseSeconds()) * 1000;
}

void LeaseKeeper::renew()
{
    // One renewal at a time: while the database stalls, more would only queue up behind it.
    if (m_renewing || m_leases.isEmpty())
        return;
    m_renewing = true;
    const QList<RunLease> leases = m_leases.values();
    const qint64 sentAt = elapsed();
    m_store.renew(this, leases, [this, leases, sentAt](const Result<QList<LostLease>> &lost) {
        m_renewing = false;
        if (!lost.ok()) {
            qCWarning(lcWorker) << "renewing" << leases.size() << "lease(s) failed:" << lost.error().detail();
            return; // the next renewal tries again; leases are several renewals long
        }
        QSet<QString> gone;
        for (const LostLease &lease : *lost)
            gone.insert(lease.lease.runId);
        for (const RunLease &lease : leases) {
            if (!gone.contains(lease.runId))
                confirmed(lease, sentAt);
        }
        for (const LostLease &lease : *lost) {
            if (!holds(lease.lease))
                continue; // ended meanwhile
            forget(lease.lease);
            m_lost(lease);
        }
    });
}

} // namespace wf
