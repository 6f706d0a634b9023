#pragma once

#include <QObject>

class QTimer;

namespace wf {

class Cache;
class ExecutionStore;
class OutboxPublisher;

// Every worker sweeps, a few seconds apart: runs whose lease expired (their worker died) go back
// to pending and are published again, and so are pending runs nobody took for a long time (their
// trigger message was lost, e.g. by a broker that restarted without its data). Concurrent
// sweepers skip each other's rows (FOR UPDATE SKIP LOCKED).
class Sweeper : public QObject
{
public:
    Sweeper(ExecutionStore &store, OutboxPublisher *publisher, Cache *cache, int requeueSeconds, int intervalMs,
            QObject *parent = nullptr);
    void start();
    qint64 requeued() const { return m_requeued; }

private:
    void sweep();

    ExecutionStore &m_store;
    OutboxPublisher *m_publisher;
    Cache *m_cache;
    int m_requeueSeconds;
    QTimer *m_timer = nullptr;
    bool m_busy = false;
    qint64 m_requeued = 0;
};

} // namespace wf
