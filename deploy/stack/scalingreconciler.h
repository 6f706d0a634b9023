#pragma once

#include <QHash>
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

class ReplicaBackend;

// Makes scaling_targets true: every second it reads the desired replica counts (written by the
// admin API, the console or an autoscaler), has the backend apply them (local processes, or
// Kubernetes Deployments) and writes the running counts back as `actual`.
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

    ScalingReconciler(db::Database &database, ReplicaBackend &backend, Limits limits, QObject *parent = nullptr);
    ~ScalingReconciler() override;

    // Records the counts the stack starts with (deploy/up's --api/--workers win over what the
    // table held from an earlier run), then reconciles every `intervalMs`.
    void start(int servers, int workers, int intervalMs = 1000);
    // Keeps the table's counts (creating missing rows with `servers`/`workers`), then reconciles:
    // the in-cluster mode, where the table, not a command line, is the truth.
    void adopt(int servers, int workers, int intervalMs = 1000);

private:
    void tick();

    std::unique_ptr<ScalingStore> m_store;
    ReplicaBackend &m_backend;
    Limits m_limits;
    QTimer *m_timer = nullptr;
    bool m_busy = false;
    QHash<QString, int> m_reported;
    int m_ticks = 0;
};

} // namespace wf::stack
