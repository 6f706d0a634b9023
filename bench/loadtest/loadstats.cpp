#include "loadstats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace wf::bench {

namespace {

// Nearest-rank percentile of sorted `values`.
double percentile(const std::vector<double> &values, double p)
{
    if (values.empty())
        return 0;
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(values.size())));
    return values[std::min(values.size() - 1, rank > 0 ? rank - 1 : 0)];
}

double rounded(double value)
{
    return std::round(value * 100.0) / 100.0;
}

} // namespace

QString LoadStats::endpointName(Endpoint endpoint)
{
    switch (endpoint) {
    case Health: return u"GET /health"_s;
    case Root: return u"GET /"_s;
    case CreateWorkflow: return u"POST /api/v1/workflows"_s;
    case ReadWorkflow: return u"GET /api/v1/workflows/{id}"_s;
    case Trigger: return u"POST /api/v1/trigger"_s;
    case ReadRun: return u"GET /api/v1/runs/{id}"_s;
    case ListRuns: return u"GET /api/v1/runs?limit=50"_s;
    case EndpointCount: break;
    }
    return u"all"_s;
}

void LoadStats::record(Endpoint endpoint, double milliseconds, bool ok, const QString &failure)
{
    m_latencies[endpoint].push_back(milliseconds);
    if (!ok) {
        ++m_failed[endpoint];
        ++m_failures[failure];
    }
}

void LoadStats::merge(const LoadStats &other)
{
    for (int e = 0; e < EndpointCount; ++e) {
        m_latencies[e].insert(m_latencies[e].end(), other.m_latencies[e].begin(), other.m_latencies[e].end());
        m_failed[e] += other.m_failed[e];
    }
    for (auto it = other.m_failures.cbegin(); it != other.m_failures.cend(); ++it)
        m_failures[it.key()] += it.value();
}

qint64 LoadStats::total() const
{
    qint64 count = 0;
    for (const auto &latencies : m_latencies)
        count += qint64(latencies.size());
    return count;
}

qint64 LoadStats::failed() const
{
    return std::accumulate(m_failed.begin(), m_failed.end(), qint64(0));
}

QJsonObject LoadStats::summary(Endpoint endpoint)
{
    std::vector<double> values;
    qint64 failed = 0;
    if (endpoint == EndpointCount) {
        for (int e = 0; e < EndpointCount; ++e) {
            values.insert(values.end(), m_latencies[e].begin(), m_latencies[e].end());
            failed += m_failed[e];
        }
    } else {
        values = m_latencies[endpoint];
        failed = m_failed[endpoint];
    }
    std::sort(values.begin(), values.end());
    const double mean = values.empty() ? 0 : std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    return {{u"requests"_s, qint64(values.size())},
            {u"failed"_s, failed},
            {u"mean_ms"_s, rounded(mean)},
            {u"p50_ms"_s, rounded(percentile(values, 50))},
            {u"p90_ms"_s, rounded(percentile(values, 90))},
            {u"p95_ms"_s, rounded(percentile(values, 95))},
            {u"p99_ms"_s, rounded(percentile(values, 99))},
            {u"max_ms"_s, rounded(values.empty() ? 0 : values.back())}};
}

} // namespace wf::bench
