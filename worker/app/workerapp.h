#pragma once

#include "core/result.h"
#include "core/settings.h"
#include "engine/stepregistry.h"

#include <QObject>

#include <functional>
#include <memory>

namespace wf {

class AfterCommit;
class Cache;
class ExecutionStore;
class OutboxPipeline;
class RunCoordinator;
class RunEventLog;
class SnapshotPublisher;
class StatsStore;
class Sweeper;
namespace db {
class Database;
}
namespace kafka {
class GroupLag;
class KafkaConsumer;
}

namespace app {

class WorkerHealth;

// wf-worker wired together: database pool, Kafka producer (completed, dead letters, re-enqueued
// triggers through the outbox), consumer-group member of workflow-workers, run coordinator,
// sweeper, outbox relay and the snapshot publisher (this worker in the cluster stats), all on
// the main thread's event loop.
class WorkerApp : public QObject
{
public:
    explicit WorkerApp(Settings settings, QObject *parent = nullptr);
    ~WorkerApp() override;

    Status start(int databaseWaitSeconds);
    // Leaves the consumer group, lets running runs finish (up to `drainMs`), then calls `done`.
    void shutdown(int drainMs, std::function<void()> done);

private:
    Settings m_settings;
    std::unique_ptr<db::Database> m_database;
    StepRegistry m_steps; // the step types runs may use
    std::unique_ptr<ExecutionStore> m_store;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<AfterCommit> m_changes;
    std::unique_ptr<OutboxPipeline> m_outbox;
    std::unique_ptr<kafka::KafkaConsumer> m_consumer;
    std::unique_ptr<RunCoordinator> m_coordinator;
    std::unique_ptr<kafka::GroupLag> m_lag;
    std::unique_ptr<Sweeper> m_sweeper;
    std::unique_ptr<WorkerHealth> m_health;
    std::unique_ptr<StatsStore> m_statsStore;
    std::unique_ptr<RunEventLog> m_runEvents;
    std::unique_ptr<SnapshotPublisher> m_publisher; // this worker in the cluster view
    bool m_draining = false;
};

} // namespace app
} // namespace wf
