#pragma once

#include "metrictotals.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace prometheus {
class Registry;
}

namespace wf {

// The metrics of this process, one registry for all its threads (prometheus-cpp's types are
// thread-safe), served as Prometheus text by GET /metrics. Names follow Prometheus conventions:
// the wf_ prefix, base units, _total counters, _seconds histograms, and only bounded label
// values (route templates, method names, status codes).
class Metrics
{
public:
    static Metrics &instance();

    // One answered HTTP request: its route template ("/api/v1/runs/{id}", or "unmatched"),
    // method, status code and time from parsed request to answer.
    void httpRequest(const QString &route, const QByteArray &method, int status, double seconds);
    // A run was triggered (or retried) through this server: a new run, not a replayed answer.
    void runTriggered();
    // A run execution began on this worker (a claim); `resumed`: an earlier one did not finish it.
    void runExecutionStarted(bool resumed);
    // A run ended, written by this process: success or failed (workers), cancelled (servers).
    void runFinished(const QString &status);
    // The worker group's lag on workflow.trigger, as last measured (-1: unknown, not exported).
    void setConsumerLag(qint64 messages);

    // The bucket bounds of every request-duration histogram, in seconds (+Inf not included).
    static const QList<double> &latencyBounds();
    // The counters now, for the cluster stats (plus this process's CPU seconds).
    MetricTotals totals() const;

    // Everything, in the Prometheus text exposition format (version 0.0.4).
    QByteArray text() const;
    static constexpr const char *kContentType = "text/plain; version=0.0.4; charset=utf-8";

    prometheus::Registry &registry();

private:
    Metrics();
    struct Families;
    std::shared_ptr<prometheus::Registry> m_registry;
    std::unique_ptr<Families> m_families;
};

} // namespace wf
