#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <array>
#include <vector>

namespace wf::bench {

// What the timed requests of a load test measured, per endpoint: every latency (answered or
// not), the failures (no answer, or not 2xx) and a count of each kind of failure. Each thread
// keeps its own; merge() adds one to another at the end.
class LoadStats
{
public:
    // The seed flow's timed requests, in order.
    enum Endpoint { Health, Root, CreateWorkflow, ReadWorkflow, Trigger, ReadRun, ListRuns, EndpointCount };
    static QString endpointName(Endpoint endpoint);

    void record(Endpoint endpoint, double milliseconds, bool ok, const QString &failure = {});
    void merge(const LoadStats &other);

    qint64 total() const;
    qint64 failed() const;
    // Summary of `endpoint`, or of all endpoints when EndpointCount: count, failed, mean, p50,
    // p90, p95, p99, max (milliseconds). Sorts the samples it reads.
    QJsonObject summary(Endpoint endpoint = EndpointCount);
    const QMap<QString, qint64> &failures() const { return m_failures; }

private:
    std::array<std::vector<double>, EndpointCount> m_latencies;
    std::array<qint64, EndpointCount> m_failed{};
    QMap<QString, qint64> m_failures; // "HTTP 503", "Server disconnected", …
};

} // namespace wf::bench
