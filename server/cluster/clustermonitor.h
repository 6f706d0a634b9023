#pragma once

#include "stats/autoscalepolicy.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>

class QTimer;

namespace wf {
class ClusterLeases;
class ClusterStatsSource;
class ScalingStore;
class StatsStore;
}

namespace wf::cluster {

// The cluster-wide job of exactly one server at a time (the holder of the cluster_leases row
// "cluster-monitor", renewed every second, taken over 5 s after its holder stopped): once a
// second it gathers the cluster view, records it into stats_history for the charts, and lets the
// AutoscalePolicy decide for every component whose autoscale switch is on. A decision acts
// through scaling_targets (whatever runs the replicas carries it out) and is recorded as a
// scaling event; one that cannot act (bounds, cool-down) is recorded once, until its rule or
// obstacle changes.
class ClusterMonitor : public QObject
{
public:
    static constexpr int IntervalMs = 1000;
    static constexpr int LeaseSeconds = 5;
    static inline const QString LeaseName = QStringLiteral("cluster-monitor");

    ClusterMonitor(QString holder, int historySeconds, AutoscalePolicy policy, ClusterLeases &leases,
                   ClusterStatsSource &source, StatsStore &stats, ScalingStore &scaling, QObject *parent = nullptr);

    void start();
    // Stops and hands the lease over (a draining server); `done` once it is released.
    void stop(std::function<void()> done);
    bool leading() const { return m_leading; }

private:
    void tick();
    void lead(const ClusterView &view);
    void autoscale(const ClusterView &view);
    void settle();

    QString m_holder;
    int m_historySeconds;
    AutoscalePolicy m_policy;
    ClusterLeases &m_leases;
    ClusterStatsSource &m_source;
    StatsStore &m_stats;
    ScalingStore &m_scaling;
    QTimer *m_timer;
    bool m_leading = false;
    int m_open = 0; // database calls of this tick not yet answered
    struct Recorded
    {
        QString rule;
        QString blockedBy;
    };
    QHash<QString, Recorded> m_lastDecision; // per component: the last not-acted decision recorded
};

} // namespace wf::cluster
