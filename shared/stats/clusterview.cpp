#include "clusterview.h"

#include "core/json.h"

#include <QJsonArray>
#include <QMap>

#include <cmath>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

// The figures come from other processes' snapshots: a part larger than its whole (a corrupt
// one) is the whole, so that the rounding below stays in an int's range.
QJsonValue percent(quint64 part, quint64 whole)
{
    if (whole == 0)
        return QJsonValue();
    return qRound(double(qMin(part, whole)) * 10000.0 / double(whole)) / 100.0;
}

// `value` to `decimals` places (dividing, so 1.9 prints as 1.9, not 1.9000000000000001); a
// value too large to round through an integer is already as round as a double gets.
QJsonValue rounded(double value, int decimals = 2)
{
    const double scale = std::pow(10.0, decimals);
    if (!(std::abs(value * scale) < 9e18))
        return value;
    return double(qRound64(value * scale)) / scale;
}

QJsonValue quantiles(const LatencyHistogram &histogram)
{
    if (histogram.count() == 0)
        return QJsonObject{{u"count"_s, 0}, {u"p50"_s, QJsonValue()}, {u"p95"_s, QJsonValue()}, {u"p99"_s, QJsonValue()}};
    return QJsonObject{{u"count"_s, double(histogram.count())},
                       {u"p50"_s, rounded(histogram.quantileMs(0.50))},
                       {u"p95"_s, rounded(histogram.quantileMs(0.95))},
                       {u"p99"_s, rounded(histogram.quantileMs(0.99))}};
}

QString timestamp(qint64 ms)
{
    return json::formatTimestamp(ms * 1000);
}

} // namespace

ClusterView::ClusterView(ClusterInputs inputs) : m_inputs(std::move(inputs)) { }

MetricTotals ClusterView::totals(int seconds) const
{
    MetricTotals sum;
    for (const InstanceSnapshot &instance : m_inputs.instances) {
        const InstanceWindow *window = instance.window(seconds);
        if (!window)
            continue;
        const MetricTotals &part = window->totals;
        sum.runsTriggered += part.runsTriggered;
        sum.runsStarted += part.runsStarted;
        sum.runsSucceeded += part.runsSucceeded;
        sum.runsFailed += part.runsFailed;
        sum.runsCancelled += part.runsCancelled;
        sum.cpuSeconds += part.cpuSeconds;
        // The API's traffic: the workers' health and metrics endpoints are not part of it.
        if (instance.component != u"server"_s)
            continue;
        sum.requests += part.requests;
        sum.requests4xx += part.requests4xx;
        sum.requests5xx += part.requests5xx;
        sum.latency.add(part.latency);
        for (auto it = part.routes.cbegin(); it != part.routes.cend(); ++it)
            sum.routes[it.key()].add(it.value());
    }
    return sum;
}

std::optional<double> ClusterView::averageCpuPercent(const QString &component, int seconds) const
{
    double sum = 0;
    int count = 0;
    for (const InstanceSnapshot &instance : m_inputs.instances) {
        const InstanceWindow *window = instance.window(seconds);
        if (instance.component != component || instance.draining || !window || window->spanMs <= 0)
            continue;
        sum += window->cpuPercent();
        ++count;
    }
    return count > 0 ? std::optional<double>(sum / count) : std::nullopt;
}

int ClusterView::instanceCount(const QString &component, bool servingOnly) const
{
    int count = 0;
    for (const InstanceSnapshot &instance : m_inputs.instances)
        count += instance.component == component && !(servingOnly && instance.draining);
    return count;
}

std::optional<qint64> ClusterView::lag() const
{
    return m_inputs.lag ? std::optional<qint64>(m_inputs.lag->total) : std::nullopt;
}

const ScalingTarget *ClusterView::target(const QString &component) const
{
    if (!m_inputs.scaling)
        return nullptr;
    for (const ScalingTarget &entry : *m_inputs.scaling)
        if (entry.component == component)
            return &entry;
    return nullptr;
}

QJsonObject ClusterView::toJson() const
{
    QJsonObject requestRate;
    QJsonObject triggerRate;
    QJsonObject finishRate;
    QJsonObject errors4xx;
    QJsonObject errors5xx;
    QJsonObject runFailures;
    for (int seconds : InstanceSnapshot::WindowSeconds) {
        const MetricTotals sum = totals(seconds);
        const QString key = QString::number(seconds) + u's';
        requestRate.insert(key, rounded(double(sum.requests) / seconds));
        triggerRate.insert(key, rounded(double(sum.runsTriggered) / seconds));
        finishRate.insert(key, rounded(double(sum.runsSucceeded + sum.runsFailed + sum.runsCancelled) / seconds));
        errors4xx.insert(key, percent(sum.requests4xx, sum.requests));
        errors5xx.insert(key, percent(sum.requests5xx, sum.requests));
        runFailures.insert(key, percent(sum.runsFailed, sum.runsSucceeded + sum.runsFailed));
    }

    const MetricTotals minute = totals(60);
    QJsonObject routes;
    for (auto it = minute.routes.cbegin(); it != minute.routes.cend(); ++it)
        routes.insert(it.key(), quantiles(it.value()));

    QJsonValue kafka;
    {
        QJsonObject object{{u"group"_s, m_inputs.lagGroup}, {u"topic"_s, m_inputs.lagTopic}};
        if (m_inputs.lag) {
            QJsonArray partitions;
            for (const kafka::PartitionLag &partition : m_inputs.lag->partitions)
                partitions.append(QJsonObject{{u"partition"_s, partition.partition},
                                              {u"committed"_s, partition.committed < 0 ? QJsonValue() : QJsonValue(double(partition.committed))},
                                              {u"high_watermark"_s, double(partition.highWatermark)},
                                              {u"lag"_s, double(partition.lag)}});
            object.insert(u"lag"_s, double(m_inputs.lag->total));
            object.insert(u"partitions"_s, partitions);
            object.insert(u"measured_at"_s, timestamp(m_inputs.lag->measuredAtMs));
        } else {
            object.insert(u"lag"_s, QJsonValue());
            object.insert(u"partitions"_s, QJsonArray());
            object.insert(u"measured_at"_s, QJsonValue());
        }
        kafka = object;
    }

    QJsonArray instances;
    QMap<QString, QJsonObject> components;
    for (const QString &component : {u"server"_s, u"worker"_s})
        components.insert(component, QJsonObject{});
    QMap<QString, std::pair<int, int>> counts; // serving, draining
    QMap<QString, int> inFlight;
    for (const InstanceSnapshot &instance : m_inputs.instances) {
        const InstanceWindow *second = instance.window(1);
        const InstanceWindow *tenSeconds = instance.window(10);
        instances.append(QJsonObject{
                {u"id"_s, instance.id},
                {u"component"_s, instance.component},
                {u"host"_s, instance.host},
                {u"pid"_s, double(instance.pid)},
                {u"state"_s, instance.draining ? u"draining"_s : u"serving"_s},
                {u"draining"_s, instance.draining},
                {u"cpu_percent"_s, second ? rounded(second->cpuPercent(), 1) : QJsonValue()},
                {u"cpu_percent_10s"_s, tenSeconds ? rounded(tenSeconds->cpuPercent(), 1) : QJsonValue()},
                {u"rss_bytes"_s, double(qint64(instance.rssBytes))},
                {u"open_fds"_s, instance.openFds < 0 ? QJsonValue() : QJsonValue(double(instance.openFds))},
                {u"in_flight"_s, instance.inFlight},
                {u"requests_per_second"_s, tenSeconds ? rounded(double(tenSeconds->totals.requests) / 10) : QJsonValue()},
                {u"last_heartbeat"_s, timestamp(instance.atMs)},
                {u"heartbeat_age_ms"_s, double(qMax<qint64>(0, m_inputs.nowMs - instance.atMs))},
                {u"started_at"_s, instance.startedAtMs > 0 ? QJsonValue(timestamp(instance.startedAtMs)) : QJsonValue()}});
        auto &count = counts[instance.component];
        (instance.draining ? count.second : count.first) += 1;
        inFlight[instance.component] += instance.inFlight;
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        components.insert(it.key(), QJsonObject{});
    QJsonObject componentsObject;
    for (auto it = components.cbegin(); it != components.cend(); ++it) {
        const auto count = counts.value(it.key());
        const std::optional<double> cpu = averageCpuPercent(it.key(), 10);
        componentsObject.insert(it.key(), QJsonObject{{u"instances"_s, count.first + count.second},
                                                      {u"serving"_s, count.first},
                                                      {u"draining"_s, count.second},
                                                      {u"in_flight"_s, inFlight.value(it.key())},
                                                      {u"cpu_percent_10s"_s, cpu ? rounded(*cpu, 1) : QJsonValue()}});
    }

    QJsonValue scaling;
    if (m_inputs.scaling) {
        QJsonObject object;
        for (const ScalingTarget &target : *m_inputs.scaling)
            object.insert(target.component, target.toJson());
        scaling = object;
    }

    QJsonValue outbox;
    QJsonValue deadLetters;
    if (m_inputs.figures) {
        outbox = QJsonObject{{u"backlog"_s, double(m_inputs.figures->outboxBacklog)},
                             {u"oldest_seconds"_s, rounded(m_inputs.figures->outboxOldestSeconds, 3)}};
        deadLetters = QJsonObject{{u"total"_s, double(m_inputs.figures->deadLetters)}};
    }

    return {{u"at"_s, timestamp(m_inputs.nowMs)},
            {u"throughput"_s, QJsonObject{{u"requests_per_second"_s, requestRate},
                                          {u"runs_triggered_per_second"_s, triggerRate},
                                          {u"runs_finished_per_second"_s, finishRate}}},
            {u"errors"_s, QJsonObject{{u"http_4xx_percent"_s, errors4xx},
                                      {u"http_5xx_percent"_s, errors5xx},
                                      {u"run_failure_percent"_s, runFailures}}},
            {u"latency_ms"_s, QJsonObject{{u"window_seconds"_s, 60},
                                          {u"all"_s, quantiles(minute.latency)},
                                          {u"routes"_s, routes}}},
            {u"kafka"_s, kafka},
            {u"outbox"_s, outbox},
            {u"dead_letters"_s, deadLetters},
            {u"components"_s, componentsObject},
            {u"instances"_s, instances},
            {u"scaling"_s, scaling},
            {u"sources"_s, QJsonObject{{u"instances"_s, m_inputs.instancesFrom},
                                       {u"unavailable"_s, QJsonArray::fromStringList(m_inputs.unavailable)}}}};
}

QJsonObject ClusterView::sample() const
{
    const MetricTotals second = totals(1);
    const MetricTotals tenSeconds = totals(10);
    auto orNull = [](const std::optional<double> &value) { return value ? rounded(*value, 1) : QJsonValue(); };
    auto quantile = [&tenSeconds](double q) {
        return tenSeconds.latency.count() > 0 ? rounded(tenSeconds.latency.quantileMs(q)) : QJsonValue();
    };
    QJsonObject sample{
            {u"requests_per_second"_s, double(second.requests)},
            {u"runs_triggered_per_second"_s, double(second.runsTriggered)},
            {u"runs_finished_per_second"_s, double(second.runsSucceeded + second.runsFailed + second.runsCancelled)},
            {u"http_4xx_percent"_s, percent(tenSeconds.requests4xx, tenSeconds.requests)},
            {u"http_5xx_percent"_s, percent(tenSeconds.requests5xx, tenSeconds.requests)},
            {u"run_failure_percent"_s, percent(tenSeconds.runsFailed, tenSeconds.runsSucceeded + tenSeconds.runsFailed)},
            {u"latency_p50_ms"_s, quantile(0.50)},
            {u"latency_p95_ms"_s, quantile(0.95)},
            {u"latency_p99_ms"_s, quantile(0.99)},
            {u"kafka_lag"_s, m_inputs.lag ? QJsonValue(double(m_inputs.lag->total)) : QJsonValue()},
            {u"outbox_backlog"_s, m_inputs.figures ? QJsonValue(double(m_inputs.figures->outboxBacklog)) : QJsonValue()},
            {u"dead_letters"_s, m_inputs.figures ? QJsonValue(double(m_inputs.figures->deadLetters)) : QJsonValue()}};
    for (const QString &component : {u"server"_s, u"worker"_s}) {
        sample.insert(component + u"_instances"_s, instanceCount(component, true));
        sample.insert(component + u"_cpu_percent"_s, orNull(averageCpuPercent(component, 10)));
        const ScalingTarget *wanted = target(component);
        sample.insert(component + u"_desired"_s, wanted ? QJsonValue(wanted->desired) : QJsonValue());
    }
    return sample;
}

} // namespace wf
