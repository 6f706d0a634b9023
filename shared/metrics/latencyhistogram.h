#pragma once

#include <QJsonArray>
#include <QList>

namespace wf {

// Request durations counted into fixed buckets (Metrics::latencyBounds(), in seconds, plus +Inf):
// what one process publishes for a time window and what the cluster view adds up before it
// estimates quantiles the way PromQL's histogram_quantile() does.
class LatencyHistogram
{
public:
    LatencyHistogram();

    // The largest count read from JSON (2^53, the integers a JSON number holds exactly): what
    // another process published is read within it, never converted from beyond it.
    static constexpr double MaxCount = 9007199254740992.0;

    // Counts per bucket, not cumulative; the last one is +Inf. A list of another length is
    // treated as empty.
    static LatencyHistogram fromCounts(const QList<quint64> &counts);
    // Counts outside [0, MaxCount] are read as the nearer bound.
    static LatencyHistogram fromJson(const QJsonArray &counts);

    void add(const LatencyHistogram &other);
    LatencyHistogram minus(const LatencyHistogram &earlier) const;
    quint64 count() const;
    // The q-quantile (0..1) in milliseconds, interpolated linearly within its bucket; -1 when empty.
    // A quantile in the +Inf bucket answers the highest finite bound.
    double quantileMs(double q) const;

    const QList<quint64> &counts() const { return m_counts; }
    QJsonArray toJson() const;

private:
    QList<quint64> m_counts;
};

} // namespace wf
