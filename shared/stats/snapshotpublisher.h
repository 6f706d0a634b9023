#pragma once

#include "totalshistory.h"

#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace wf {

class RedisConnection;
class StatsStore;

// Publishes this process's InstanceSnapshot every second for the cluster view: into the Redis
// hash wf:stats:instances (readers take entries younger than a few seconds, so a dead process
// drops out by itself), or into PostgreSQL's instance_stats while Redis is unavailable.
class SnapshotPublisher : public QObject
{
public:
    static constexpr int IntervalMs = 1000;
    static inline const QByteArray RedisKey = QByteArrayLiteral("wf:stats:instances");

    struct Activity
    {
        int inFlight = 0;
        bool draining = false;
    };
    using Probe = std::function<Activity()>;

    // `redis` and `store` may be null (no Redis; no fallback); both must outlive this object.
    SnapshotPublisher(QString id, QString component, Probe probe, RedisConnection *redis, StatsStore *store,
                      QObject *parent = nullptr);

    void start();
    // Publishes once more at once (e.g. "draining" after SIGTERM).
    void publishNow();
    // Stops publishing and removes this process's entry, so it leaves the view at once; `done`
    // when Redis and PostgreSQL answered (or after 500 ms: the entry ages out anyway).
    void withdraw(std::function<void()> done);

    InstanceSnapshot snapshot();

private:
    void publish();
    void publishToDatabase(const QByteArray &json);

    QString m_id;
    QString m_component;
    Probe m_probe;
    RedisConnection *m_redis;
    StatsStore *m_store;
    QTimer *m_timer;
    TotalsHistory m_history;
    qint64 m_startedAtMs;
    bool m_databaseWriteOpen = false;
};

} // namespace wf
