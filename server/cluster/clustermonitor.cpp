#include "clustermonitor.h"

#include "core/logging.h"
#include "metrics/metrics.h"
#include "stats/clusterstatssource.h"
#include "store/clusterleases.h"
#include "store/scalingstore.h"
#include "store/statsstore.h"

#include <QDateTime>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace wf::cluster {

ClusterMonitor::ClusterMonitor(QString holder, int historySeconds, AutoscalePolicy policy, ClusterLeases &leases,
                               ClusterStatsSource &source, StatsStore &stats, ScalingStore &scaling, QObject *parent)
    : QObject(parent), m_holder(std::move(holder)), m_historySeconds(historySeconds), m_policy(std::move(policy)),
      m_leases(leases), m_source(source), m_stats(stats), m_scaling(scaling), m_timer(new QTimer(this))
{
    m_timer->setInterval(IntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ClusterMonitor::tick);
}

void ClusterMonitor::start()
{
    m_timer->start();
    tick();
}

void ClusterMonitor::stop(std::function<void()> done)
{
    m_timer->stop();
    if (!m_leading) {
        done();
        return;
    }
    m_leading = false;
    m_leases.release(this, LeaseName, m_holder, [done = std::move(done)](const Result<Done> &) { done(); });
}

void ClusterMonitor::tick()
{
    // One tick at a time: a slow database skips seconds rather than piling calls up.
    if (m_open > 0)
        return;
    ++m_open;
    m_leases.acquire(this, LeaseName, m_holder, LeaseSeconds, [this](const Result<bool> &held) {
        const bool leading = held && *held && m_timer->isActive();
        if (leading != m_leading) {
            qCInfo(lcServer).noquote() << (leading ? u"cluster monitor: %1 records the stats history and runs the autoscaler"_s
                                                   : u"cluster monitor: %1 no longer leads"_s)
                                                  .arg(m_holder);
            m_leading = leading;
            m_lastDecision.clear();
            if (!leading)
                Metrics::instance().clearClusterFigures();
        }
        if (!leading)
            return settle();
        m_source.collect([this](const ClusterView &view) {
            if (m_leading)
                lead(view);
            settle();
        });
    });
}

void ClusterMonitor::settle()
{
    --m_open;
}

void ClusterMonitor::lead(const ClusterView &view)
{
    if (view.inputs().figures && view.inputs().scaling) {
        QList<std::tuple<QString, int, int>> replicas;
        for (const ScalingTarget &target : *view.inputs().scaling)
            replicas.append({target.component, target.desired, target.actual});
        Metrics::instance().setClusterFigures(view.inputs().figures->outboxBacklog, view.inputs().figures->deadLetters, replicas);
    }
    ++m_open;
    m_stats.record(this, view.sample(), m_historySeconds, [this](const Result<Done> &) { settle(); });
    autoscale(view);
}

void ClusterMonitor::autoscale(const ClusterView &view)
{
    if (!view.inputs().scaling)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const ScalingTarget &target : *view.inputs().scaling) {
        if (!target.autoscale) {
            m_lastDecision.remove(target.component);
            continue;
        }
        const std::optional<AutoscaleDecision> decision = m_policy.decide(target, view, now);
        if (!decision)
            continue;
        if (decision->act) {
            m_lastDecision.remove(target.component);
            ++m_open;
            m_scaling.change(this, target.component, decision->change(), [this, decision = *decision](const Result<ScalingTarget> &done) {
                if (done)
                    qCInfo(lcServer).noquote() << u"autoscaler: %1 %2 → %3 (%4)"_s.arg(decision.component)
                                                          .arg(decision.from)
                                                          .arg(decision.to)
                                                          .arg(decision.reason);
                else
                    qCInfo(lcServer).noquote() << u"autoscaler: %1 not changed: %2"_s.arg(decision.component, done.error().detail());
                settle();
            });
            continue;
        }
        const auto last = m_lastDecision.constFind(target.component);
        if (last != m_lastDecision.cend() && last->rule == decision->rule && last->blockedBy == decision->blockedBy)
            continue;
        m_lastDecision.insert(target.component, {decision->rule, decision->blockedBy});
        ++m_open;
        m_scaling.recordDecision(this, decision->notActed(), [this](const Result<Done> &) { settle(); });
    }
}

} // namespace wf::cluster
