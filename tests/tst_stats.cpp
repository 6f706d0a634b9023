// The cluster view's arithmetic without processes: latency quantiles, per-window counters,
// snapshots through JSON, adding instances up, the history series, and the autoscaler's
// trigger table with its bounds and cool-down.
#include "metrics/latencyhistogram.h"
#include "metrics/metrics.h"
#include "stats/autoscalepolicy.h"
#include "stats/clusterview.h"
#include "stats/historyseries.h"
#include "stats/instancesnapshot.h"
#include "stats/totalshistory.h"

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

// A histogram with `count` observations in the bucket whose upper bound is `upperSeconds`.
LatencyHistogram observed(double upperSeconds, quint64 count, LatencyHistogram histogram = {})
{
    QList<quint64> counts = histogram.counts();
    const qsizetype index = Metrics::latencyBounds().indexOf(upperSeconds);
    counts[index < 0 ? counts.size() - 1 : index] += count;
    return LatencyHistogram::fromCounts(counts);
}

InstanceSnapshot instance(const QString &id, const QString &component, quint64 requests10s, double cpuPercent10s,
                          bool draining = false)
{
    InstanceSnapshot snapshot;
    snapshot.id = id;
    snapshot.component = component;
    snapshot.atMs = 1000000;
    snapshot.draining = draining;
    for (int seconds : InstanceSnapshot::WindowSeconds) {
        InstanceWindow window;
        window.seconds = seconds;
        window.spanMs = seconds * 1000;
        window.totals.requests = requests10s * quint64(seconds) / 10;
        window.totals.requests5xx = window.totals.requests / 10;
        window.totals.cpuSeconds = cpuPercent10s / 100.0 * seconds;
        window.totals.latency = observed(0.01, window.totals.requests);
        if (seconds == 60)
            window.totals.routes.insert(u"GET /health"_s, window.totals.latency);
        snapshot.windows.append(window);
    }
    return snapshot;
}

ScalingTarget target(const QString &component, int desired, int min, int max, qint64 changedMsAgo, qint64 nowMs)
{
    ScalingTarget scaling;
    scaling.component = component;
    scaling.desired = desired;
    scaling.min = min;
    scaling.max = max;
    scaling.autoscale = true;
    scaling.updatedAtMicros = (nowMs - changedMsAgo) * 1000;
    return scaling;
}

ClusterView viewWithLag(qint64 lag, QList<InstanceSnapshot> instances = {})
{
    ClusterInputs inputs;
    inputs.nowMs = 1000000;
    inputs.instances = std::move(instances);
    kafka::LagReading reading;
    reading.total = lag;
    inputs.lag = reading;
    return ClusterView(inputs);
}

} // namespace

class TestStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quantilesInterpolateWithinTheirBucket()
    {
        QCOMPARE(LatencyHistogram().quantileMs(0.5), -1.0);
        // 100 requests all between 5 and 10 ms: the median is halfway, at 7.5 ms.
        const LatencyHistogram fast = observed(0.01, 100);
        QCOMPARE(fast.count(), quint64(100));
        QCOMPARE(fast.quantileMs(0.5), 7.5);
        // One in a hundred above 2.5 s: p99 stays in the fast bucket, the maximum does not.
        const LatencyHistogram mixed = observed(5, 1, observed(0.01, 99));
        QVERIFY(mixed.quantileMs(0.99) <= 10);
        QVERIFY(mixed.quantileMs(1.0) > 2500);
        // Beyond the last bound: the highest finite bound.
        QCOMPARE(observed(1e9, 10).quantileMs(0.5), 10000.0);
        QCOMPARE(mixed.minus(fast).count(), quint64(1));
    }

    void windowsAreDifferencesOfReadings()
    {
        TotalsHistory history;
        MetricTotals totals;
        for (int second = 0; second <= 70; ++second) {
            totals.requests = quint64(second) * 10; // 10 requests a second
            totals.cpuSeconds = second * 0.5;       // half a core
            history.record(qint64(second) * 1000, totals);
        }
        const InstanceWindow one = history.window(1, false);
        QCOMPARE(one.spanMs, qint64(1000));
        QCOMPARE(one.totals.requests, quint64(10));
        const InstanceWindow ten = history.window(10, false);
        QCOMPARE(ten.totals.requests, quint64(100));
        QCOMPARE(qRound(ten.cpuPercent()), 50);
        QCOMPARE(history.window(60, true).totals.requests, quint64(600));

        // A process younger than the window: what it did since its first reading.
        TotalsHistory young;
        young.record(0, {});
        totals.requests = 30;
        young.record(3000, totals);
        QCOMPARE(young.window(60, false).totals.requests, quint64(30));
        QCOMPARE(young.window(60, false).spanMs, qint64(3000));
    }

    void snapshotsSurviveJson()
    {
        const InstanceSnapshot original = instance(u"server-1"_s, u"server"_s, 100, 40);
        const auto copy = InstanceSnapshot::fromJson(original.toJson());
        QVERIFY(copy);
        QCOMPARE(copy->id, original.id);
        QCOMPARE(copy->windows.size(), 3);
        QCOMPARE(copy->window(10)->totals.requests, quint64(100));
        QCOMPARE(copy->window(60)->totals.routes.value(u"GET /health"_s).count(), quint64(600));
        QVERIFY(!InstanceSnapshot::fromJson(QJsonObject{{u"id"_s, u"x"_s}}));
    }

    void snapshotsFromOtherProcessesAreReadWithinBounds()
    {
        // Another process's entry in Redis or PostgreSQL, corrupt: every figure is read within
        // what a real process can report (the message fuzzer found 4e131 requests converted to an
        // integer, which is undefined), and a heartbeat beyond the year 9999 is no heartbeat.
        const double huge = 4e131;
        QJsonArray latency;
        for (qsizetype i = 0; i <= Metrics::latencyBounds().size(); ++i)
            latency.append(i == 0 ? huge : -huge);
        const QJsonObject window{{u"requests"_s, huge}, {u"requests_4xx"_s, -huge}, {u"runs_failed"_s, 1.8446744073709552e19},
                                 {u"cpu_seconds"_s, huge}, {u"span_ms"_s, huge}, {u"latency"_s, latency},
                                 {u"routes"_s, QJsonObject{{u"GET /health"_s, latency}}}};
        const QJsonObject corrupt{{u"id"_s, u"server-x"_s}, {u"component"_s, u"server"_s}, {u"at_ms"_s, 1767225600123.0},
                                  {u"pid"_s, huge}, {u"started_at_ms"_s, -huge}, {u"rss_bytes"_s, huge}, {u"open_fds"_s, -huge},
                                  {u"in_flight"_s, 2147483647}, {u"windows"_s, QJsonObject{{u"1"_s, window}, {u"60"_s, window}}}};
        const auto read = InstanceSnapshot::fromJson(corrupt);
        QVERIFY(read);
        const double maxCount = 9007199254740992.0; // 2^53: the integers JSON holds exactly
        QCOMPARE(double(read->pid), maxCount);
        QCOMPARE(read->startedAtMs, qint64(0));
        QCOMPARE(read->rssBytes, maxCount);
        QCOMPARE(read->openFds, qint64(-1));
        QVERIFY(read->inFlight <= 1 << 20); // adding a thousand of them up stays an int
        const InstanceWindow *second = read->window(1);
        QVERIFY(second);
        QCOMPARE(double(second->totals.requests), maxCount);
        QCOMPARE(second->totals.requests4xx, quint64(0));
        QCOMPARE(double(second->totals.runsFailed), maxCount);
        QCOMPARE(double(second->totals.latency.counts().first()), maxCount);
        QCOMPARE(second->totals.latency.counts().last(), quint64(0));
        QVERIFY(second->totals.cpuSeconds <= maxCount);
        QVERIFY(second->spanMs <= 253402300799999); // the year 9999
        // Read again from its own JSON: the same.
        QCOMPARE(InstanceSnapshot::fromJson(read->toJson())->toJson(), read->toJson());
        // A heartbeat no clock gives.
        for (const double at : {huge, -huge, 253402300800000.0}) {
            QJsonObject late = corrupt;
            late.insert(u"at_ms"_s, at);
            QVERIFY(!InstanceSnapshot::fromJson(late));
        }
    }

    void theViewAddsInstancesUp()
    {
        ClusterInputs inputs;
        inputs.nowMs = 1000500;
        inputs.instances = {instance(u"server-1"_s, u"server"_s, 100, 40), instance(u"server-2"_s, u"server"_s, 300, 80),
                            instance(u"worker-1"_s, u"worker"_s, 50, 10, true)}; // its health checks are not API traffic
        ScalingTarget servers;
        servers.component = u"server"_s;
        servers.desired = 2;
        inputs.scaling = QList<ScalingTarget>{servers};
        const ClusterView view(inputs);
        const QJsonObject json = view.toJson();
        QCOMPARE(json.value(u"throughput"_s)[u"requests_per_second"_s][u"10s"_s].toDouble(), 40.0);
        QCOMPARE(json.value(u"errors"_s)[u"http_5xx_percent"_s][u"10s"_s].toDouble(), 10.0);
        QVERIFY(json.value(u"errors"_s)[u"run_failure_percent"_s][u"10s"_s].isNull()); // no runs ended
        QCOMPARE(json.value(u"latency_ms"_s)[u"routes"_s][u"GET /health"_s][u"count"_s].toInt(), 2400);
        QCOMPARE(json.value(u"components"_s)[u"server"_s][u"serving"_s].toInt(), 2);
        QCOMPARE(json.value(u"components"_s)[u"worker"_s][u"draining"_s].toInt(), 1);
        QCOMPARE(json.value(u"instances"_s).toArray().size(), 3);
        QCOMPARE(json.value(u"scaling"_s)[u"server"_s][u"desired"_s].toInt(), 2);
        QVERIFY(json.value(u"kafka"_s)[u"lag"_s].isNull());
        QCOMPARE(qRound(*view.averageCpuPercent(u"server"_s, 10)), 60);
        QVERIFY(!view.averageCpuPercent(u"worker"_s, 10)); // draining ones do not count
        const QJsonObject sample = view.sample();
        QCOMPARE(sample.value(u"server_instances"_s).toInt(), 2);
        QCOMPARE(sample.value(u"server_desired"_s).toInt(), 2);
        QVERIFY(sample.value(u"worker_desired"_s).isNull());
    }

    void theViewOfImpossibleFiguresIsDefined()
    {
        // Figures within the decoder's bounds that no process reports: more 4xx than requests,
        // 2^53 CPU seconds in a millisecond. Percentages stay percentages, and nothing is
        // converted to an integer out of range (the message fuzzer's corrupt-snapshot seed did).
        InstanceSnapshot corrupt = instance(u"server-x"_s, u"server"_s, 1, 40);
        for (InstanceWindow &window : corrupt.windows) {
            window.totals.requests4xx = 9007199254740992ULL;
            window.totals.runsFailed = 9007199254740992ULL;
            window.totals.cpuSeconds = 9007199254740992.0;
            window.spanMs = 1;
        }
        InstanceSnapshot twin = corrupt;
        twin.id = u"server-y"_s;
        ClusterInputs inputs;
        inputs.nowMs = 1000500;
        inputs.instances = {corrupt, twin};
        const ClusterView view(inputs);
        const QJsonObject json = view.toJson();
        QCOMPARE(json.value(u"errors"_s)[u"http_4xx_percent"_s][u"10s"_s].toDouble(), 100.0);
        QVERIFY(json.value(u"components"_s)[u"server"_s][u"cpu_percent_10s"_s].toDouble() > 1e20);
        QCOMPARE(view.sample().value(u"http_4xx_percent"_s).toDouble(), 100.0);
    }

    void historySeriesAreColumnsAveragedPerStep()
    {
        QList<StatsSample> samples;
        for (int second = 0; second < 10; ++second)
            samples.append({qint64(100000 + second * 1000),
                            QJsonObject{{u"requests_per_second"_s, double(second)},
                                        {u"kafka_lag"_s, second < 5 ? QJsonValue() : QJsonValue(10)}}});
        const QJsonObject fine = historySeries(samples, 1);
        QCOMPARE(fine.value(u"t"_s).toArray().size(), 10);
        QCOMPARE(fine.value(u"series"_s)[u"requests_per_second"_s].toArray().at(3).toDouble(), 3.0);
        const QJsonObject coarse = historySeries(samples, 5);
        QCOMPARE(coarse.value(u"t"_s).toArray().size(), 2);
        QCOMPARE(coarse.value(u"series"_s)[u"requests_per_second"_s].toArray().at(0).toDouble(), 2.0);
        QVERIFY(coarse.value(u"series"_s)[u"kafka_lag"_s].toArray().at(0).isNull());
        QCOMPARE(coarse.value(u"series"_s)[u"kafka_lag"_s].toArray().at(1).toDouble(), 10.0);
    }

    void workersFollowTheLagTable()
    {
        const AutoscalePolicy policy{AutoscaleThresholds{}};
        const qint64 now = 1000000;
        const ScalingTarget workers = target(u"worker"_s, 3, 1, 6, 120000, now);
        auto up = policy.decide(workers, viewWithLag(1001), now);
        QVERIFY(up && up->act);
        QCOMPARE(up->rule, u"lag_high"_s);
        QCOMPARE(up->to, 4);
        auto down = policy.decide(workers, viewWithLag(99), now);
        QVERIFY(down && down->act);
        QCOMPARE(down->rule, u"lag_low"_s);
        QCOMPARE(down->to, 2);
        QVERIFY(!policy.decide(workers, viewWithLag(500), now)); // between the marks
        QVERIFY(!policy.decide(workers, ClusterView(ClusterInputs{}), now)); // lag unknown
    }

    void boundsAndCooldownHoldTheAutoscalerBack()
    {
        AutoscaleThresholds thresholds;
        thresholds.workerStep = 3;
        const AutoscalePolicy policy{thresholds};
        const qint64 now = 1000000;
        // A step that would overshoot stops at max; at max it does not act.
        QCOMPARE(policy.decide(target(u"worker"_s, 5, 1, 6, 120000, now), viewWithLag(5000), now)->to, 6);
        const auto atMax = policy.decide(target(u"worker"_s, 6, 1, 6, 120000, now), viewWithLag(5000), now);
        QVERIFY(atMax && !atMax->act);
        QCOMPARE(atMax->blockedBy, u"at_max"_s);
        const auto atMin = policy.decide(target(u"worker"_s, 1, 1, 6, 120000, now), viewWithLag(0), now);
        QCOMPARE(atMin->blockedBy, u"at_min"_s);
        // Changed 10 s ago with a 60 s cool-down: it waits, and says so.
        const auto cooling = policy.decide(target(u"worker"_s, 3, 1, 6, 10000, now), viewWithLag(5000), now);
        QVERIFY(cooling && !cooling->act);
        QCOMPARE(cooling->blockedBy, u"cool_down"_s);
        QCOMPARE(cooling->to, 6);
        QVERIFY(cooling->reason.contains(u"cool-down"_s));
        QCOMPARE(cooling->inputs.value(u"kafka_lag"_s).toInt(), 5000);
    }

    void serversFollowCpuAndLatency()
    {
        const AutoscalePolicy policy{AutoscaleThresholds{}};
        const qint64 now = 1000000;
        const ScalingTarget servers = target(u"server"_s, 2, 1, 8, 120000, now);
        auto decide = [&](double cpu, double latencySeconds) {
            InstanceSnapshot one = instance(u"s1"_s, u"server"_s, 100, cpu);
            for (InstanceWindow &window : one.windows)
                window.totals.latency = observed(latencySeconds, window.totals.requests);
            ClusterInputs inputs;
            inputs.instances = {one};
            return policy.decide(servers, ClusterView(inputs), now);
        };
        QCOMPARE(decide(85, 0.01)->rule, u"cpu_high"_s);
        QCOMPARE(decide(50, 5)->rule, u"p99_high"_s);
        QCOMPARE(decide(10, 0.01)->rule, u"cpu_low"_s);
        QCOMPARE(decide(10, 0.01)->to, 1);
        QVERIFY(!decide(50, 0.01));
        // Slow but idle: p99 over the limit keeps servers from being removed.
        QCOMPARE(decide(10, 5)->rule, u"p99_high"_s);
    }
};

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"
