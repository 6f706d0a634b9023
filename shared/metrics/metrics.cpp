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
                      .Register(registry))
    {
    }

    prometheus::Family<prometheus::Counter> &requests;
    prometheus::Family<prometheus::Histogram> &latency;
    prometheus::Family<prometheus::Counter> &triggered;
    prometheus::Family<prometheus::Counter> &executions;
    prometheus::Family<prometheus::Counter> &finished;
    prometheus::Family<prometheus::Gauge> &lag;
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
