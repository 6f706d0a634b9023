#include "clustersnapshot.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

double number(const QJsonValue &value)
{
    return value.isDouble() ? value.toDouble() : NAN;
}

QDateTime timestamp(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace

Result<ClusterSnapshot> ClusterSnapshot::fromJson(const QJsonObject &object)
{
    // The parts without which the view would be empty: refuse an answer that lacks them.
    for (const char *part : {"throughput", "errors", "components", "instances"}) {
        if (!object.contains(QLatin1String(part)))
            return Error::invalid(u"the stats answer has no \"%1\""_s.arg(QLatin1String(part)));
    }
    ClusterSnapshot snapshot;
    snapshot.at = timestamp(object.value(u"at"_s));
    const QJsonObject throughput = object.value(u"throughput"_s).toObject();
    snapshot.requestsPerSecond = number(throughput[u"requests_per_second"_s][u"1s"_s]);
    snapshot.runsTriggeredPerSecond = number(throughput[u"runs_triggered_per_second"_s][u"1s"_s]);
    snapshot.runsFinishedPerSecond = number(throughput[u"runs_finished_per_second"_s][u"1s"_s]);
    const QJsonObject errors = object.value(u"errors"_s).toObject();
    snapshot.http4xxPercent = number(errors[u"http_4xx_percent"_s][u"10s"_s]);
    snapshot.http5xxPercent = number(errors[u"http_5xx_percent"_s][u"10s"_s]);
    snapshot.runFailurePercent = number(errors[u"run_failure_percent"_s][u"10s"_s]);
    const QJsonObject latency = object.value(u"latency_ms"_s)[u"all"_s].toObject();
    snapshot.latencyP50Ms = number(latency.value(u"p50"_s));
    snapshot.latencyP95Ms = number(latency.value(u"p95"_s));
    snapshot.latencyP99Ms = number(latency.value(u"p99"_s));
    const QJsonObject kafka = object.value(u"kafka"_s).toObject();
    snapshot.kafkaLag = number(kafka.value(u"lag"_s));
    snapshot.kafkaTopic = kafka.value(u"topic"_s).toString();
    for (const QJsonValue &entry : kafka.value(u"partitions"_s).toArray()) {
        const QJsonObject partition = entry.toObject();
        snapshot.partitions.append({partition.value(u"partition"_s).toInt(), number(partition.value(u"lag"_s)),
                                    number(partition.value(u"high_watermark"_s)), number(partition.value(u"committed"_s))});
    }
    const QJsonObject outbox = object.value(u"outbox"_s).toObject();
    snapshot.outboxBacklog = number(outbox.value(u"backlog"_s));
    snapshot.outboxOldestSeconds = number(outbox.value(u"oldest_seconds"_s));
    snapshot.deadLetters = number(object.value(u"dead_letters"_s)[u"total"_s]);

    const QJsonObject components = object.value(u"components"_s).toObject();
    const QJsonObject scaling = object.value(u"scaling"_s).toObject();
    for (const QString &name : {u"server"_s, u"worker"_s}) {
        const QJsonObject part = components.value(name).toObject();
        const QJsonObject target = scaling.value(name).toObject();
        Component component;
        component.instances = part.value(u"instances"_s).toInt();
        component.serving = part.value(u"serving"_s).toInt();
        component.draining = part.value(u"draining"_s).toInt();
        component.inFlight = part.value(u"in_flight"_s).toInt();
        component.cpuPercent10s = number(part.value(u"cpu_percent_10s"_s));
        component.desired = target.value(u"desired"_s).toInt(-1);
        component.actual = target.value(u"actual"_s).toInt(-1);
        component.min = target.value(u"min"_s).toInt();
        component.max = target.value(u"max"_s).toInt();
        component.autoscale = target.value(u"autoscale"_s).toBool();
        snapshot.components.insert(name, component);
    }
    for (const QJsonValue &entry : object.value(u"instances"_s).toArray()) {
        const QJsonObject item = entry.toObject();
        Instance instance;
        instance.component = item.value(u"component"_s).toString();
        instance.id = item.value(u"id"_s).toString();
        instance.host = item.value(u"host"_s).toString();
        instance.pid = item.value(u"pid"_s).toInteger();
        instance.state = item.value(u"state"_s).toString();
        instance.draining = item.value(u"draining"_s).toBool();
        instance.cpuPercent = number(item.value(u"cpu_percent"_s));
        instance.cpuPercent10s = number(item.value(u"cpu_percent_10s"_s));
        instance.rssBytes = number(item.value(u"rss_bytes"_s));
        instance.openFds = number(item.value(u"open_fds"_s));
        instance.inFlight = item.value(u"in_flight"_s).toInt();
        instance.requestsPerSecond = number(item.value(u"requests_per_second"_s));
        instance.heartbeatAgeMs = number(item.value(u"heartbeat_age_ms"_s));
        instance.startedAt = timestamp(item.value(u"started_at"_s));
        snapshot.instances.append(instance);
    }
    for (const QJsonValue &source : object.value(u"sources"_s)[u"unavailable"_s].toArray())
        snapshot.unavailable.append(source.toString());
    return snapshot;
}

} // namespace wf::console
