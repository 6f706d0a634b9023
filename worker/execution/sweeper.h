#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <optional>

class QTimer;

namespace wf {

class ChangeSink;
class ExecutionStore;
class RunEventLog;

// Every worker sweeps, a few seconds apart: runs whose lease expired (their worker died) go back
// to pending and are published again, and so are pending runs nobody took for a long time (their
// trigger message was lost, e.g. by a broker that restarted without its data) -- but only while
// the consumer group has no lag: a run that merely waits behind a backlog of trigger messages
// will be reached, and publishing it again would only make the backlog longer. Concurrent
// sweepers skip each other's rows (FOR UPDATE SKIP LOCKED).
class Sweeper : public QObject
{
public:
    // The consumer group's lag on workflow.trigger (messages not yet consumed); nullopt when unknown.
    using Lag = std::function<std::optional<qint64>()>;

    // After the database was unreachable, leases are left alone for `graceMs` of reachable
    // database: nobody could renew them meanwhile, and their live owners renew them first.
    Sweeper(ExecutionStore &store, ChangeSink &changes, Lag lag, int requeueSeconds, int intervalMs, int graceMs,
            QObject *parent = nullptr);
    void start();
    void sweep();
    // Where each re-enqueued run's "requeued" event goes (null: nowhere).
    void setEvents(RunEventLog *events) { m_events = events; }
    qint64 requeued() const { return m_requeued; }
    // Sweeps that left stale pending runs alone because the group had lag.
    qint64 heldBack() const { return m_heldBack; }
    // Whether the last sweep left expired leases alone (grace after an outage).
    bool inGrace() const;

private:
    ExecutionStore &m_store;
    ChangeSink &m_changes;
    Lag m_lag;
    int m_requeueSeconds;
    int m_graceMs;
    QElapsedTimer m_reachableSince; // invalid while the database is unreachable
    QTimer *m_timer = nullptr;
    RunEventLog *m_events = nullptr;
    bool m_busy = false;
    qint64 m_requeued = 0;
    qint64 m_heldBack = 0;
};

} // namespace wf
