#pragma once

#include "latencyhistogram.h"

#include <QHash>
#include <QString>

namespace prometheus {
class Registry;
}

namespace wf {

// The counters of one process at one moment, read off its Prometheus registry (one source for
// GET /metrics and the cluster stats), and the difference of two such readings: what happened
// in between.
struct MetricTotals
{
    quint64 requests = 0;
    quint64 requests4xx = 0;
    quint64 requests5xx = 0;
    quint64 runsTriggered = 0;
    quint64 runsStarted = 0; // executions begun by a worker
    quint64 runsSucceeded = 0;
    quint64 runsFailed = 0;
    quint64 runsCancelled = 0;
    double cpuSeconds = 0;
    LatencyHistogram latency;                 // every route
    QHash<QString, LatencyHistogram> routes;  // "GET /api/v1/runs/{id}" → its durations

    static MetricTotals read(const prometheus::Registry &registry);
    MetricTotals minus(const MetricTotals &earlier) const;
};

} // namespace wf
