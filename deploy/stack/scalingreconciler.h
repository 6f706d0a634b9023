#pragma once

#include <QObject>

#include <memory>

class QTimer;

namespace wf {
class ScalingStore;
namespace db {
class Database;
}
}

namespace wf::stack {

class ReplicaSet;
class ServerPool;

// Makes scaling_targets true on this machine: every second it reads the desired replica counts
// (written by the admin API, the console or an autoscaler), starts or stops servers (through the
// pool, which keeps nginx in step) and workers, and writes the running counts back as `actual`.
class ScalingReconciler : public QObject
{
public:
    struct Limits
    {
        int serverMin = 1;
        int serverMax = 16;
        int workerMin = 0;
        int workerMax = 16;
    };

    ScalingReconciler(db::Database &database, ServerPool &servers, ReplicaSet &workers, Limits limits,
                      QObject *parent = nullptr);
    ~ScalingReconciler() override;

    // Records the counts the stack starts with (deploy/up's --api/--workers win over what the
    // table held from an earlier run), then reconciles every `intervalMs`.
    void start(int servers, int workers, int intervalMs = 1000);

private:
    void tick();

    std::unique_ptr<ScalingStore> m_store;
    ServerPool &m_servers;
    ReplicaSet &m_workers;
    Limits m_limits;
    QTimer *m_timer = nullptr;
    bool m_busy = false;
    int m_reportedServers = -1;
    int m_reportedWorkers = -1;
    int m_ticks = 0;
};

} // namespace wf::stack
