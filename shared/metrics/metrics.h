#pragma once

#include "metrictotals.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <tuple>

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
    // The same per partition.
    void setPartitionLag(int partition, qint64 messages);

    // One step attempt of a step type ended: "success", "failed" (the step fails) or "retry"
    // (another attempt follows).
    void stepAttempt(const QString &type, const char *outcome, double seconds);
    // A message the broker stored (ok) or refused; a message this process consumed; an error of
    // a Kafka client ("producer", "consumer").
    void kafkaProduced(const char *topic, bool ok);
    void kafkaConsumed(const char *topic);
    void kafkaError(const char *client);
    // From an outbox message's produce() to the broker's acknowledgement.
    void outboxPublished(double seconds);
    // A cache lookup: "hit", "miss" or "error" (an error also counts as a miss for the caller).
    void cacheLookup(const char *result);
    // Time a database job waited for a database thread; one transaction's time ("read", "write"
    // or "batch": several writes sharing one).
    void databaseQueueWait(double seconds);
    void databaseTransaction(const char *kind, double seconds);
    // The cluster's figures, exported by the server that holds the monitor lease only: outbox
    // backlog, dead letters, desired and actual replicas per component. clear…: it no longer does.
    void setClusterFigures(qint64 outboxBacklog, qint64 deadLetters, const QList<std::tuple<QString, int, int>> &replicas);
    void clearClusterFigures();

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
