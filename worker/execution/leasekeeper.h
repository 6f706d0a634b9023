#pragma once

#include "executionstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>

class QTimer;

namespace wf {

// Keeps the leases of the runs a worker executes: renews them every third of their length, ahead
// of other database work, and knows until when each is surely still this worker's (the last
// confirmed renewal plus its length), which is how long a save of the run is worth retrying.
// A run whose renewal says it is no longer ours is reported once, and forgotten.
class LeaseKeeper : public QObject
{
public:
    using Lost = std::function<void(const LostLease &)>;

    LeaseKeeper(ExecutionStore &store, Lost lost, QObject *parent = nullptr);

    // Starts renewing; `intervalMs` 0 means a third of the lease.
    void start(int intervalMs = 0);
    // The lease was taken (or last confirmed) at `confirmedAtMs` of elapsed(); -1 for now.
    void track(const RunLease &lease, qint64 confirmedAtMs = -1);
    // A write of the run that also renewed its lease succeeded; it was sent at `sentAtMs`.
    void confirmed(const RunLease &lease, qint64 sentAtMs);
    void forget(const RunLease &lease);
    bool holds(const RunLease &lease) const;

    // Milliseconds of elapsed() until which the lease surely holds; 0 when it is not tracked.
    qint64 deadline(const RunLease &lease) const;
    // The clock of track/confirmed/deadline (monotonic, from the keeper's creation).
    qint64 elapsed() const { return m_clock.elapsed(); }
    int tracked() const { return int(m_leases.size()); }

    // Renews all tracked leases now (the timer calls it).
    void renew();

private:
    ExecutionStore &m_store;
    Lost m_lost;
    QElapsedTimer m_clock;
    QTimer *m_timer = nullptr;
    QHash<QString, RunLease> m_leases;      // by run id
    QHash<QString, qint64> m_confirmedAt;   // by run id, elapsed() ms
    bool m_renewing = false;
};

} // namespace wf
