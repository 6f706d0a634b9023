#pragma once

#include "auth/keyring.h"
#include "cache/ratelimit.h"
#include "core/result.h"
#include "core/settings.h"
#include "engine/stepregistry.h"

#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace wf {
class ClusterLeases;
class ClusterStatsSource;
class KeyStore;
class OutboxPipeline;
class RedisConnection;
class RunEventLog;
class ScalingStore;
class SnapshotPublisher;
class StatsStore;
class TriggerBatcher;
namespace cluster {
class ClusterMonitor;
}
namespace kafka {
class GroupLag;
}

namespace db {
class Database;
}
}

namespace wf::app {

class ApiThread;
class KeyRingRefresher;

// wf-server wired together: settings → database pool → migrations → stores → outbox pipeline
// (Kafka producer, publisher, relay; on the main thread) → API threads; and on the main thread
// the cluster view's parts: the worker group's lag, this server's snapshot publisher and the
// cluster monitor (history and autoscaler, on whichever server holds its lease).
class ServerApp : public QObject
{
public:
    explicit ServerApp(Settings settings, QObject *parent = nullptr);
    ~ServerApp() override;

    // Migrates (waiting up to `databaseWaitSeconds` for PostgreSQL), then listens.
    Status start(int databaseWaitSeconds);
    // Stops accepting connections and calls `done` once every request received was answered
    // (or after `timeoutMs`): what a replica does on SIGTERM before it stops.
    void drain(int timeoutMs, std::function<void()> done);
    // Stops the threads and closes the pool.
    void stop();
    int port() const { return m_port; }

    // wf-server --migrate: apply pending migrations and report them.
    static Result<QList<int>> migrate(const Settings &settings, int databaseWaitSeconds);

private:
    void startClusterView();

    Settings m_settings;
    StepRegistry m_steps; // the step types definitions may use
    std::unique_ptr<db::Database> m_database;
    std::unique_ptr<TriggerBatcher> m_triggers;
    std::unique_ptr<ScalingStore> m_scaling;
    auth::KeyRing m_keys; // shared by the API threads
    LocalBuckets m_buckets; // the rate limits' fallback, shared by the API threads
    std::unique_ptr<KeyStore> m_keyStore;
    std::unique_ptr<KeyRingRefresher> m_keyRefresher;
    std::unique_ptr<OutboxPipeline> m_outbox; // null without Kafka
    std::unique_ptr<RunEventLog> m_runEvents;  // "published" events of this server's outbox
    std::vector<std::unique_ptr<ApiThread>> m_threads;
    std::unique_ptr<kafka::GroupLag> m_lag; // null without Kafka
    std::unique_ptr<StatsStore> m_statsStore;
    std::unique_ptr<ClusterLeases> m_leases;
    RedisConnection *m_redis = nullptr; // the main thread's, for the snapshots; null without Redis
    std::unique_ptr<ClusterStatsSource> m_statsSource;
    std::unique_ptr<SnapshotPublisher> m_publisher;
    std::unique_ptr<cluster::ClusterMonitor> m_monitor;
    bool m_draining = false;
    int m_port = 0;
};

} // namespace wf::app
