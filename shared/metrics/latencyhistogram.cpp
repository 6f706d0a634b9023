#include "latencyhistogram.h"

#include "metrics.h"

namespace wf {

LatencyHistogram::LatencyHistogram() : m_counts(Metrics::latencyBounds().size() + 1, 0) { }

LatencyHistogram LatencyHistogram::fromCounts(const QList<quint64> &counts)
{
    LatencyHistogram histogram;
    if (counts.size() == histogram.m_counts.size())
        histogram.m_counts = counts;
    return histogram;
}

LatencyHistogram LatencyHistogram::fromJson(const QJsonArray &counts)
{
    QList<quint64> values;
    values.reserve(counts.size());
    for (const QJsonValue &value : counts)
        values.append(quint64(qBound(0.0, value.toDouble(), MaxCount)));
    return fromCounts(values);
}

void LatencyHistogram::add(const LatencyHistogram &other)
{
    for (qsizetype i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts.at(i);
}

LatencyHistogram LatencyHistogram::minus(const LatencyHistogram &earlier) const
{
    LatencyHistogram delta;
    for (qsizetype i = 0; i < m_counts.size(); ++i)
        delta.m_counts[i] = m_counts.at(i) >= earlier.m_counts.at(i) ? m_counts.at(i) - earlier.m_counts.at(i) : 0;
    return delta;
}

quint64 LatencyHistogram::count() const
{
    quint64 total = 0;
    for (quint64 value : m_counts)
        total += value;
    return total;
}

double LatencyHistogram::quantileMs(double q) const
{
    const quint64 total = count();
    if (total == 0)
        return -1;
    const QList<double> &bounds = Metrics::latencyBounds();
    const double rank = qBound(0.0, q, 1.0) * double(total);
    double below = 0;
    for (qsizetype i = 0; i < m_counts.size(); ++i) {
        const double inBucket = double(m_counts.at(i));
        if (inBucket > 0 && below + inBucket >= rank) {
            if (i == bounds.size())
                return bounds.last() * 1000;
            const double lower = i == 0 ? 0 : bounds.at(i - 1);
            const double upper = bounds.at(i);
            return (lower + (upper - lower) * ((rank - below) / inBucket)) * 1000;
        }
        below += inBucket;
    }
    return bounds.last() * 1000;
}

QJsonArray LatencyHistogram::toJson() const
{
    QJsonArray array;
    for (quint64 value : m_counts)
        array.append(double(value));
    return array;
}

} // namespace wf
