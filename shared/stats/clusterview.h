#pragma once

#include "instancesnapshot.h"

#include "kafka/grouplag.h"
#include "store/scalingtarget.h"
#include "store/statsstore.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace wf {

// Everything the cluster view is made of, gathered by ClusterStatsSource.
struct ClusterInputs
{
    qint64 nowMs = 0;
    QList<InstanceSnapshot> instances; // live ones, one per id
    QString instancesFrom;             // redis, postgres, redis+postgres
    QString lagGroup;
    QString lagTopic;
    std::optional<kafka::LagReading> lag;
    std::optional<ClusterFigures> figures;
    std::optional<QList<ScalingTarget>> scaling;
    QStringList unavailable; // what could not be asked: redis, postgres, kafka
};

// The cluster-wide figures of GET /api/v1/admin/stats, added up over every live instance:
// throughput and error rates over the last 1, 10 and 60 s, latency quantiles per route, Kafka
// lag, outbox backlog, dead letters, the instances and the scaling state. The same figures feed
// the recorded history (sample()) and the autoscaler.
class ClusterView
{
public:
    explicit ClusterView(ClusterInputs inputs);

    QJsonObject toJson() const;
    // One flat point of the history: the series the console charts.
    QJsonObject sample() const;

    const ClusterInputs &inputs() const { return m_inputs; }
    // The sum over every instance of its window of `seconds`; the HTTP figures (requests, their
    // errors and latencies) of the servers only, so the workers' health checks do not count.
    MetricTotals totals(int seconds) const;
    // Average CPU % (of one core) of the serving instances of `component` over `seconds`; nullopt
    // when none reports.
    std::optional<double> averageCpuPercent(const QString &component, int seconds) const;
    int instanceCount(const QString &component, bool servingOnly) const;
    std::optional<qint64> lag() const;
    const ScalingTarget *target(const QString &component) const;

private:
    ClusterInputs m_inputs;
};

} // namespace wf
