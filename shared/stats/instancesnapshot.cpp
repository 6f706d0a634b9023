#include "instancesnapshot.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

QJsonObject totalsToJson(const MetricTotals &totals)
{
    QJsonObject object{{u"requests"_s, double(totals.requests)},
                       {u"requests_4xx"_s, double(totals.requests4xx)},
                       {u"requests_5xx"_s, double(totals.requests5xx)},
                       {u"runs_triggered"_s, double(totals.runsTriggered)},
                       {u"runs_started"_s, double(totals.runsStarted)},
                       {u"runs_succeeded"_s, double(totals.runsSucceeded)},
                       {u"runs_failed"_s, double(totals.runsFailed)},
                       {u"runs_cancelled"_s, double(totals.runsCancelled)},
                       {u"cpu_seconds"_s, totals.cpuSeconds},
                       {u"latency"_s, totals.latency.toJson()}};
    if (!totals.routes.isEmpty()) {
        QJsonObject routes;
        for (auto it = totals.routes.cbegin(); it != totals.routes.cend(); ++it)
            routes.insert(it.key(), it.value().toJson());
        object.insert(u"routes"_s, routes);
    }
    return object;
}

// A number another process wrote, within [min, max] (converting one beyond an integer type's
// range is undefined); `fallback` when it is no number.
double within(const QJsonValue &value, double min, double max, double fallback = 0)
{
    return qBound(min, value.toDouble(fallback), max);
}

MetricTotals totalsFromJson(const QJsonObject &object)
{
    auto count = [&object](const QString &key) { return quint64(within(object.value(key), 0, LatencyHistogram::MaxCount)); };
    MetricTotals totals;
    totals.requests = count(u"requests"_s);
    totals.requests4xx = count(u"requests_4xx"_s);
    totals.requests5xx = count(u"requests_5xx"_s);
    totals.runsTriggered = count(u"runs_triggered"_s);
    totals.runsStarted = count(u"runs_started"_s);
    totals.runsSucceeded = count(u"runs_succeeded"_s);
    totals.runsFailed = count(u"runs_failed"_s);
    totals.runsCancelled = count(u"runs_cancelled"_s);
    totals.cpuSeconds = within(object.value(u"cpu_seconds"_s), 0, LatencyHistogram::MaxCount);
    totals.latency = LatencyHistogram::fromJson(object.value(u"latency"_s).toArray());
    const QJsonObject routes = object.value(u"routes"_s).toObject();
    for (auto it = routes.constBegin(); it != routes.constEnd(); ++it)
        totals.routes.insert(it.key(), LatencyHistogram::fromJson(it.value().toArray()));
    return totals;
}

} // namespace

double InstanceWindow::cpuPercent() const
{
    return spanMs > 0 ? totals.cpuSeconds * 100000.0 / double(spanMs) : 0;
}

const InstanceWindow *InstanceSnapshot::window(int seconds) const
{
    for (const InstanceWindow &entry : windows)
        if (entry.seconds == seconds)
            return &entry;
    return nullptr;
}

QJsonObject InstanceSnapshot::toJson() const
{
    QJsonObject windowsObject;
    for (const InstanceWindow &entry : windows) {
        QJsonObject object = totalsToJson(entry.totals);
        object.insert(u"span_ms"_s, double(entry.spanMs));
        windowsObject.insert(QString::number(entry.seconds), object);
    }
    return {{u"id"_s, id},
            {u"component"_s, component},
            {u"host"_s, host},
            {u"pid"_s, double(pid)},
            {u"started_at_ms"_s, double(startedAtMs)},
            {u"at_ms"_s, double(atMs)},
            {u"rss_bytes"_s, rssBytes},
            {u"open_fds"_s, double(openFds)},
            {u"in_flight"_s, inFlight},
            {u"draining"_s, draining},
            {u"windows"_s, windowsObject}};
}

std::optional<InstanceSnapshot> InstanceSnapshot::fromJson(const QJsonObject &object)
{
    InstanceSnapshot snapshot;
    snapshot.id = object.value(u"id"_s).toString();
    snapshot.component = object.value(u"component"_s).toString();
    const double atMs = object.value(u"at_ms"_s).toDouble();
    if (snapshot.id.isEmpty() || snapshot.component.isEmpty() || !(atMs >= 1 && atMs <= MaxTimeMs))
        return std::nullopt;
    snapshot.atMs = qint64(atMs);
    snapshot.host = object.value(u"host"_s).toString();
    snapshot.pid = qint64(within(object.value(u"pid"_s), 0, LatencyHistogram::MaxCount));
    snapshot.startedAtMs = qint64(within(object.value(u"started_at_ms"_s), 0, MaxTimeMs));
    snapshot.rssBytes = within(object.value(u"rss_bytes"_s), 0, LatencyHistogram::MaxCount);
    snapshot.openFds = qint64(within(object.value(u"open_fds"_s), -1, LatencyHistogram::MaxCount, -1));
    snapshot.inFlight = int(within(object.value(u"in_flight"_s), 0, MaxInFlight));
    snapshot.draining = object.value(u"draining"_s).toBool();
    const QJsonObject windowsObject = object.value(u"windows"_s).toObject();
    for (int seconds : WindowSeconds) {
        const QJsonValue value = windowsObject.value(QString::number(seconds));
        if (!value.isObject())
            continue;
        InstanceWindow entry;
        entry.seconds = seconds;
        entry.spanMs = qint64(within(value.toObject().value(u"span_ms"_s), 0, MaxTimeMs));
        entry.totals = totalsFromJson(value.toObject());
        snapshot.windows.append(entry);
    }
    return snapshot;
}

} // namespace wf
