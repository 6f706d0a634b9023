#include "scalingreconciler.h"

#include "replicabackend.h"

#include "core/logging.h"
#include "store/scalingstore.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace wf::stack {

ScalingReconciler::ScalingReconciler(db::Database &database, ReplicaBackend &backend, Limits limits, QObject *parent)
    : QObject(parent), m_store(std::make_unique<ScalingStore>(database)), m_backend(backend), m_limits(limits)
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

void ScalingReconciler::adopt(int servers, int workers, int intervalMs)
{
    m_store->ensure(this, {u"server"_s, qBound(m_limits.serverMin, servers, m_limits.serverMax), 0, m_limits.serverMin,
                           m_limits.serverMax, 0, {}},
                    u"kubernetes"_s, [](const Result<Done> &) {});
    m_store->ensure(this, {u"worker"_s, qBound(m_limits.workerMin, workers, m_limits.workerMax), 0, m_limits.workerMin,
                           m_limits.workerMax, 0, {}},
                    u"kubernetes"_s, [](const Result<Done> &) {});
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
        m_backend.refresh();
        if (++m_ticks % 10 == 0)
            m_reported.clear(); // written when it changes, and now and then anyway
        for (const ScalingTarget &target : *targets) {
            if (target.desired != m_backend.applied(target.component)) {
                qCInfo(lcCore) << "scaling" << target.component << m_backend.applied(target.component) << "->" << target.desired
                               << "(" << target.updatedBy << ")";
                m_backend.apply(target.component, target.desired);
            }
            // Report what runs (servers: in nginx's upstream list, i.e. taking requests).
            const int actual = m_backend.actual(target.component);
            if (m_reported.value(target.component, -1) != actual) {
                m_reported.insert(target.component, actual);
                m_store->reportActual(this, target.component, actual, [](const Result<Done> &) {});
            }
        }
    });
}

} // namespace wf::stack
