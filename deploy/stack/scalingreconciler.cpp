#include "scalingreconciler.h"

#include "replicaset.h"
#include "serverpool.h"

#include "core/logging.h"
#include "store/scalingstore.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace wf::stack {

ScalingReconciler::ScalingReconciler(db::Database &database, ServerPool &servers, ReplicaSet &workers, Limits limits,
                                     QObject *parent)
    : QObject(parent), m_store(std::make_unique<ScalingStore>(database)), m_servers(servers), m_workers(workers), m_limits(limits)
{
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &ScalingReconciler::tick);
}

ScalingReconciler::~ScalingReconciler() = default;

void ScalingReconciler::start(int servers, int workers, int intervalMs)
{
    const auto report = [](const Result<ScalingTarget> &defined) {
        if (!defined.ok())
            qCWarning(lcCore) << "cannot record the replica counts:" << defined.error().detail();
    };
    m_store->define(this, {u"server"_s, qBound(m_limits.serverMin, servers, m_limits.serverMax), 0, m_limits.serverMin,
                           m_limits.serverMax, 0, {}},
                    u"stack"_s, report);
    m_store->define(this, {u"worker"_s, qBound(m_limits.workerMin, workers, m_limits.workerMax), 0, m_limits.workerMin,
                           m_limits.workerMax, 0, {}},
                    u"stack"_s, report);
    m_timer->start(intervalMs);
}

void ScalingReconciler::tick()
{
    if (m_busy)
        return;
    m_busy = true;
    m_store->list(this, [this](const Result<QList<ScalingTarget>> &targets) {
        m_busy = false;
        if (!targets.ok())
            return; // the database is away: keep what runs, try again next tick
        for (const ScalingTarget &target : *targets) {
            if (target.component == u"server"_s && target.desired != m_servers.desired()) {
                qCInfo(lcCore) << "scaling servers" << m_servers.desired() << "->" << target.desired << "(" << target.updatedBy << ")";
                m_servers.setDesired(target.desired);
            } else if (target.component == u"worker"_s && target.desired != m_workers.desired()) {
                qCInfo(lcCore) << "scaling workers" << m_workers.desired() << "->" << target.desired << "(" << target.updatedBy << ")";
                m_workers.setDesired(target.desired);
            }
        }
        // Report what runs (servers: in nginx's upstream list, i.e. taking requests).
        const int servers = int(m_servers.upstream().size());
        const int workers = m_workers.actual();
        // Written when it changes, and now and then anyway (a lost write must not stick).
        if (++m_ticks % 10 == 0)
            m_reportedServers = m_reportedWorkers = -1;
        if (servers != m_reportedServers) {
            m_reportedServers = servers;
            m_store->reportActual(this, u"server"_s, servers, [](const Result<Done> &) {});
        }
        if (workers != m_reportedWorkers) {
            m_reportedWorkers = workers;
            m_store->reportActual(this, u"worker"_s, workers, [](const Result<Done> &) {});
        }
    });
}

} // namespace wf::stack
