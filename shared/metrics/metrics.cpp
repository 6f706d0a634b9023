#include "metrics.h"

#include "processcollector.h"
#include "processfigures.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <QList>

#include <sstream>

namespace wf {

namespace {

// Method names are what clients send; only the ones the API knows are labels of their own.
std::string methodLabel(const QByteArray &method)
{
    static const QList<QByteArray> known{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    return known.contains(method) ? method.toStdString() : std::string("other");
}

} // namespace

struct Metrics::Families
{
    explicit Families(prometheus::Registry &registry)
        : requests(prometheus::BuildCounter()
                           .Name("wf_http_requests_total")
                           .Help("HTTP requests answered, by route template, method and status code.")
                           .Register(registry)),
          latency(prometheus::BuildHistogram()
                          .Name("wf_http_request_duration_seconds")
                          .Help("Time from a parsed HTTP request to its answer, by route template and method.")
                          .Register(registry)),
          triggered(prometheus::BuildCounter()
                            .Name("wf_runs_triggered_total")
                            .Help("Runs this server created (triggers and retries; replayed answers not counted).")
                            .Register(registry)),
          executions(prometheus::BuildCounter()
                             .Name("wf_run_executions_total")
                             .Help("Run executions this worker began (claims), by whether an earlier one had not finished the run.")
                             .Register(registry)),
          finished(prometheus::BuildCounter()
                           .Name("wf_runs_finished_total")
                           .Help("Runs this process ended, by final status.")
                           .Register(registry)),
          lag(prometheus::BuildGauge()
                      .Name("wf_kafka_consumer_group_lag")
                      .Help("Messages of workflow.trigger not yet consumed by the group workflow-workers, as last measured.")
                      .Register(registry)),
          partitionLag(prometheus::BuildGauge()
                               .Name("wf_kafka_consumer_group_partition_lag")
                               .Help("The same lag per partition: high watermark minus the group's committed offset.")
                               .Register(registry)),
          stepAttempts(prometheus::BuildCounter()
                               .Name("wf_step_attempts_total")
                               .Help("Step attempts that ended, by step type and outcome (success, failed, retry).")
                               .Register(registry)),
          stepDuration(prometheus::BuildHistogram()
                               .Name("wf_step_attempt_duration_seconds")
                               .Help("Duration of one step attempt, by step type.")
                               .Register(registry)),
          kafkaProducedFamily(prometheus::BuildCounter()
                                      .Name("wf_kafka_produced_messages_total")
                                      .Help("Messages produced, by topic and result (ok: stored by the broker; error).")
                                      .Register(registry)),
          kafkaConsumedFamily(prometheus::BuildCounter()
                                      .Name("wf_kafka_consumed_messages_total")
                                      .Help("Messages consumed, by topic.")
                                      .Register(registry)),
          kafkaErrors(prometheus::BuildCounter()
                              .Name("wf_kafka_errors_total")
                              .Help("Errors reported by librdkafka, by client (producer, consumer).")
                              .Register(registry)),
          outboxPublish(prometheus::BuildHistogram()
                                .Name("wf_outbox_publish_duration_seconds")
                                .Help("From an outbox message's publish to the broker's acknowledgement.")
                                .Register(registry)),
          cache(prometheus::BuildCounter()
                        .Name("wf_cache_lookups_total")
                        .Help("Redis cache lookups, by result (hit, miss, error).")
                        .Register(registry)),
          dbQueue(prometheus::BuildHistogram()
                          .Name("wf_db_queue_wait_seconds")
                          .Help("Time a database job waited for one of the pool's connections.")
                          .Register(registry)),
          dbTransaction(prometheus::BuildHistogram()
                                .Name("wf_db_transaction_duration_seconds")
                                .Help("Duration of one database transaction, by kind (read, write, batch of writes).")
                                .Register(registry)),
          outboxBacklog(prometheus::BuildGauge()
                                .Name("wf_outbox_backlog_messages")
                                .Help("Outbox messages not yet sent to Kafka (exported by the server holding the monitor lease).")
                                .Register(registry)),
          deadLetters(prometheus::BuildGauge()
                              .Name("wf_dead_letters_messages")
                              .Help("Messages in the dead-letter table (exported by the server holding the monitor lease).")
                              .Register(registry)),
          desired(prometheus::BuildGauge()
                          .Name("wf_scaling_desired_replicas")
                          .Help("Replicas wanted per component (exported by the server holding the monitor lease).")
                          .Register(registry)),
          actual(prometheus::BuildGauge()
                         .Name("wf_scaling_actual_replicas")
                         .Help("Replicas running per component, as the replica backend reports them.")
                         .Register(registry))
    {
    }

    prometheus::Family<prometheus::Counter> &requests;
    prometheus::Family<prometheus::Histogram> &latency;
    prometheus::Family<prometheus::Counter> &triggered;
    prometheus::Family<prometheus::Counter> &executions;
    prometheus::Family<prometheus::Counter> &finished;
    prometheus::Family<prometheus::Gauge> &lag;
    prometheus::Family<prometheus::Gauge> &partitionLag;
    prometheus::Family<prometheus::Counter> &stepAttempts;
    prometheus::Family<prometheus::Histogram> &stepDuration;
    prometheus::Family<prometheus::Counter> &kafkaProducedFamily;
    prometheus::Family<prometheus::Counter> &kafkaConsumedFamily;
    prometheus::Family<prometheus::Counter> &kafkaErrors;
    prometheus::Family<prometheus::Histogram> &outboxPublish;
    prometheus::Family<prometheus::Counter> &cache;
    prometheus::Family<prometheus::Histogram> &dbQueue;
    prometheus::Family<prometheus::Histogram> &dbTransaction;
    prometheus::Family<prometheus::Gauge> &outboxBacklog;
    prometheus::Family<prometheus::Gauge> &deadLetters;
    prometheus::Family<prometheus::Gauge> &desired;
    prometheus::Family<prometheus::Gauge> &actual;
    ProcessCollector process;
};

Metrics &Metrics::instance()
{
    static Metrics metrics;
    return metrics;
}

Metrics::Metrics() : m_registry(std::make_shared<prometheus::Registry>()), m_families(std::make_unique<Families>(*m_registry))
{
}

prometheus::Registry &Metrics::registry()
{
    return *m_registry;
}

void Metrics::httpRequest(const QString &route, const QByteArray &method, int status, double seconds)
{
    const std::string routeLabel = route.toStdString();
    const std::string methodName = methodLabel(method);
    m_families->requests.Add({{"route", routeLabel}, {"method", methodName}, {"code", std::to_string(status)}}).Increment();
    static const prometheus::Histogram::BucketBoundaries buckets(latencyBounds().cbegin(), latencyBounds().cend());
    m_families->latency.Add({{"route", routeLabel}, {"method", methodName}}, buckets).Observe(seconds);
}

const QList<double> &Metrics::latencyBounds()
{
    static const QList<double> bounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    return bounds;
}

MetricTotals Metrics::totals() const
{
    MetricTotals totals = MetricTotals::read(*m_registry);
    totals.cpuSeconds = qMax(0.0, ProcessFigures::read().cpuSeconds);
    return totals;
}

void Metrics::runTriggered()
{
    m_families->triggered.Add({}).Increment();
}

void Metrics::runExecutionStarted(bool resumed)
{
    m_families->executions.Add({{"resumed", resumed ? "true" : "false"}}).Increment();
}

void Metrics::runFinished(const QString &status)
{
    m_families->finished.Add({{"status", status.toStdString()}}).Increment();
}

void Metrics::setConsumerLag(qint64 messages)
{
    if (messages < 0)
        return;
    m_families->lag.Add({{"group", "workflow-workers"}, {"topic", "workflow.trigger"}}).Set(double(messages));
}

void Metrics::setPartitionLag(int partition, qint64 messages)
{
    m_families->partitionLag.Add({{"group", "workflow-workers"}, {"topic", "workflow.trigger"}, {"partition", std::to_string(partition)}})
            .Set(double(messages));
}

namespace {

// Durations from 1 ms to 5 min: steps and publishes range from a transform to a long delay.
const prometheus::Histogram::BucketBoundaries &longBuckets()
{
    static const prometheus::Histogram::BucketBoundaries buckets{0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300};
    return buckets;
}

// Sub-millisecond to seconds: database waits and transactions.
const prometheus::Histogram::BucketBoundaries &shortBuckets()
{
    static const prometheus::Histogram::BucketBoundaries buckets{0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                                 0.01,   0.025,   0.05,   0.1,   0.5,    1, 5};
    return buckets;
}

} // namespace

void Metrics::stepAttempt(const QString &type, const char *outcome, double seconds)
{
    const std::string typeLabel = type.toStdString();
    m_families->stepAttempts.Add({{"type", typeLabel}, {"outcome", outcome}}).Increment();
    m_families->stepDuration.Add({{"type", typeLabel}}, longBuckets()).Observe(seconds);
}

void Metrics::kafkaProduced(const char *topic, bool ok)
{
    m_families->kafkaProducedFamily.Add({{"topic", topic}, {"result", ok ? "ok" : "error"}}).Increment();
}

void Metrics::kafkaConsumed(const char *topic)
{
    m_families->kafkaConsumedFamily.Add({{"topic", topic}}).Increment();
}

void Metrics::kafkaError(const char *client)
{
    m_families->kafkaErrors.Add({{"client", client}}).Increment();
}

void Metrics::outboxPublished(double seconds)
{
    static prometheus::Histogram &histogram = m_families->outboxPublish.Add({}, shortBuckets());
    histogram.Observe(seconds);
}

void Metrics::cacheLookup(const char *result)
{
    m_families->cache.Add({{"result", result}}).Increment();
}

void Metrics::databaseQueueWait(double seconds)
{
    static prometheus::Histogram &histogram = m_families->dbQueue.Add({}, shortBuckets());
    histogram.Observe(seconds);
}

void Metrics::databaseTransaction(const char *kind, double seconds)
{
    m_families->dbTransaction.Add({{"kind", kind}}, shortBuckets()).Observe(seconds);
}

void Metrics::setClusterFigures(qint64 outboxBacklog, qint64 deadLetters, const QList<std::tuple<QString, int, int>> &replicas)
{
    m_families->outboxBacklog.Add({}).Set(double(outboxBacklog));
    m_families->deadLetters.Add({}).Set(double(deadLetters));
    for (const auto &[component, desired, actual] : replicas) {
        m_families->desired.Add({{"component", component.toStdString()}}).Set(desired);
        m_families->actual.Add({{"component", component.toStdString()}}).Set(actual);
    }
}

void Metrics::clearClusterFigures()
{
    for (prometheus::Family<prometheus::Gauge> *family :
         {&m_families->outboxBacklog, &m_families->deadLetters, &m_families->desired, &m_families->actual}) {
        for (const std::string component : {"", "server", "worker"}) {
            const prometheus::Labels labels = component.empty() ? prometheus::Labels{} : prometheus::Labels{{"component", component}};
            if (family->Has(labels))
                family->Remove(&family->Add(labels));
        }
    }
}

QByteArray Metrics::text() const
{
    std::ostringstream out;
    std::vector<prometheus::MetricFamily> families = m_registry->Collect();
    for (prometheus::MetricFamily &family : m_families->process.Collect())
        families.push_back(std::move(family));
    prometheus::TextSerializer().Serialize(out, families);
    return QByteArray::fromStdString(out.str());
}

} // namespace wf
