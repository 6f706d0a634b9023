#include "metrictotals.h"

#include <prometheus/registry.h>

namespace wf {

namespace {

std::string label(const prometheus::ClientMetric &metric, const char *name)
{
    for (const prometheus::ClientMetric::Label &entry : metric.label)
        if (entry.name == name)
            return entry.value;
    return {};
}

quint64 counter(const prometheus::ClientMetric &metric)
{
    return quint64(metric.counter.value);
}

// prometheus-cpp reports cumulative bucket counts; ours are per bucket.
LatencyHistogram histogram(const prometheus::ClientMetric &metric)
{
    QList<quint64> counts;
    std::uint64_t previous = 0;
    for (const prometheus::ClientMetric::Bucket &bucket : metric.histogram.bucket) {
        counts.append(bucket.cumulative_count >= previous ? bucket.cumulative_count - previous : 0);
        previous = bucket.cumulative_count;
    }
    return LatencyHistogram::fromCounts(counts);
}

} // namespace

MetricTotals MetricTotals::read(const prometheus::Registry &registry)
{
    MetricTotals totals;
    for (const prometheus::MetricFamily &family : registry.Collect()) {
        for (const prometheus::ClientMetric &metric : family.metric) {
            if (family.name == "wf_http_requests_total") {
                const quint64 value = counter(metric);
                totals.requests += value;
                const std::string code = label(metric, "code");
                if (!code.empty() && code[0] == '4')
                    totals.requests4xx += value;
                else if (!code.empty() && code[0] == '5')
                    totals.requests5xx += value;
            } else if (family.name == "wf_http_request_duration_seconds") {
                const LatencyHistogram durations = histogram(metric);
                totals.latency.add(durations);
                const QString route = QString::fromStdString(label(metric, "method") + ' ' + label(metric, "route"));
                totals.routes[route].add(durations);
            } else if (family.name == "wf_runs_triggered_total") {
                totals.runsTriggered += counter(metric);
            } else if (family.name == "wf_run_executions_total") {
                totals.runsStarted += counter(metric);
            } else if (family.name == "wf_runs_finished_total") {
                const std::string status = label(metric, "status");
                if (status == "success")
                    totals.runsSucceeded += counter(metric);
                else if (status == "failed")
                    totals.runsFailed += counter(metric);
                else if (status == "cancelled")
                    totals.runsCancelled += counter(metric);
            }
        }
    }
    return totals;
}

MetricTotals MetricTotals::minus(const MetricTotals &earlier) const
{
    auto less = [](quint64 now, quint64 before) { return now >= before ? now - before : 0; };
    MetricTotals delta;
    delta.requests = less(requests, earlier.requests);
    delta.requests4xx = less(requests4xx, earlier.requests4xx);
    delta.requests5xx = less(requests5xx, earlier.requests5xx);
    delta.runsTriggered = less(runsTriggered, earlier.runsTriggered);
    delta.runsStarted = less(runsStarted, earlier.runsStarted);
    delta.runsSucceeded = less(runsSucceeded, earlier.runsSucceeded);
    delta.runsFailed = less(runsFailed, earlier.runsFailed);
    delta.runsCancelled = less(runsCancelled, earlier.runsCancelled);
    delta.cpuSeconds = qMax(0.0, cpuSeconds - earlier.cpuSeconds);
    delta.latency = latency.minus(earlier.latency);
    for (auto it = routes.cbegin(); it != routes.cend(); ++it) {
        const LatencyHistogram change = it.value().minus(earlier.routes.value(it.key()));
        if (change.count() > 0)
            delta.routes.insert(it.key(), change);
    }
    return delta;
}

} // namespace wf
