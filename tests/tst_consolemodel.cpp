// The console's picture of a platform without a platform: stats answers read into typed fields,
// history merged and trimmed, health and alert episodes, thresholds, endpoint URLs and the
// messages an operator sees for each kind of failure.
#include "client/apiresponse.h"
#include "client/endpointlist.h"
#include "model/clustersnapshot.h"
#include "model/healthmonitor.h"
#include "model/instancetablemodel.h"
#include "model/statshistory.h"
#include "model/thresholds.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace wf::console;

namespace {

// An answer of GET /api/v1/admin/stats as a real server gives it (trimmed to two instances).
QJsonObject statsAnswer(double deadLetters = 0, double failurePercent = NAN, int workersActual = 3, int workersDesired = 3)
{
    const QByteArray text = R"({
      "at": "2026-12-03T14:01:29.480000Z",
      "components": {"server": {"cpu_percent_10s": 1.8, "draining": 0, "in_flight": 2, "instances": 3, "serving": 3},
                     "worker": {"cpu_percent_10s": 1.1, "draining": 0, "in_flight": 7, "instances": 3, "serving": 3}},
      "errors": {"http_4xx_percent": {"10s": 0.5, "1s": 0, "60s": 0},
                 "http_5xx_percent": {"10s": 0, "1s": 0, "60s": 0},
                 "run_failure_percent": {"10s": null, "1s": null, "60s": null}},
      "instances": [
        {"component": "server", "cpu_percent": 0, "cpu_percent_10s": 2.1, "draining": false, "heartbeat_age_ms": 665,
         "host": "vm", "id": "server-1", "in_flight": 0, "last_heartbeat": "2026-12-03T14:01:28.815000Z", "open_fds": 40,
         "pid": 12715, "requests_per_second": 0.3, "rss_bytes": 28774400, "started_at": "2026-12-03T14:01:25.952000Z",
         "state": "serving"},
        {"component": "worker", "cpu_percent": 1, "cpu_percent_10s": 1.3, "draining": true, "heartbeat_age_ms": 199,
         "host": "vm", "id": "worker-2", "in_flight": 3, "last_heartbeat": "2026-12-03T14:01:29.281000Z", "open_fds": 44,
         "pid": 12720, "requests_per_second": 0.5, "rss_bytes": 28626944, "started_at": "2026-12-03T14:01:26.120000Z",
         "state": "draining"}],
      "kafka": {"group": "workflow-workers", "lag": 1500, "measured_at": "2026-12-03T14:01:29.155000Z", "topic": "workflow.trigger",
                "partitions": [{"committed": null, "high_watermark": 0, "lag": 0, "partition": 0},
                               {"committed": 10, "high_watermark": 1510, "lag": 1500, "partition": 1}]},
      "latency_ms": {"all": {"count": 8, "p50": 1, "p95": 2.35, "p99": 2.47}, "routes": {}, "window_seconds": 60},
      "outbox": {"backlog": 4, "oldest_seconds": 0.3},
      "dead_letters": {"total": 0},
      "scaling": {"server": {"actual": 3, "autoscale": false, "desired": 3, "max": 16, "min": 1},
                  "worker": {"actual": 3, "autoscale": true, "desired": 3, "max": 16, "min": 0}},
      "sources": {"instances": "redis", "unavailable": ["postgres"]},
      "throughput": {"requests_per_second": {"10s": 0.8, "1s": 2, "60s": 0.13},
                     "runs_finished_per_second": {"10s": 0, "1s": 5, "60s": 0},
                     "runs_triggered_per_second": {"10s": 0, "1s": 6, "60s": 0}}})";
    QJsonObject object = QJsonDocument::fromJson(text).object();
    object[u"dead_letters"_s] = QJsonObject{{u"total"_s, deadLetters}};
    QJsonObject errors = object.value(u"errors"_s).toObject();
    errors[u"run_failure_percent"_s] = QJsonObject{{u"10s"_s, std::isnan(failurePercent) ? QJsonValue() : QJsonValue(failurePercent)}};
    object[u"errors"_s] = errors;
    QJsonObject scaling = object.value(u"scaling"_s).toObject();
    QJsonObject worker = scaling.value(u"worker"_s).toObject();
    worker[u"actual"_s] = workersActual;
    worker[u"desired"_s] = workersDesired;
    scaling[u"worker"_s] = worker;
    object[u"scaling"_s] = scaling;
    return object;
}

ClusterSnapshot snapshot(double deadLetters = 0, double failurePercent = NAN, int workersActual = 3, int workersDesired = 3)
{
    return ClusterSnapshot::fromJson(statsAnswer(deadLetters, failurePercent, workersActual, workersDesired)).value();
}

QJsonObject historyAnswer(const QList<qint64> &times, const QList<QJsonValue> &lag)
{
    QJsonArray t;
    for (qint64 time : times)
        t.append(double(time));
    QJsonArray values;
    for (const QJsonValue &value : lag)
        values.append(value);
    return QJsonObject{{u"t"_s, t}, {u"series"_s, QJsonObject{{u"kafka_lag"_s, values}}}, {u"resolution_seconds"_s, 1}};
}

} // namespace

class TestConsoleModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aStatsAnswerIsReadIntoTypedFields()
    {
        const auto read = ClusterSnapshot::fromJson(statsAnswer());
        QVERIFY(read);
        const ClusterSnapshot &s = *read;
        QCOMPARE(s.at, QDateTime(QDate(2026, 12, 3), QTime(14, 1, 29, 480), Qt::UTC));
        QCOMPARE(s.requestsPerSecond, 2.0);
        QCOMPARE(s.runsFinishedPerSecond, 5.0);
        QCOMPARE(s.runsTriggeredPerSecond, 6.0);
        QCOMPARE(s.http4xxPercent, 0.5);
        QVERIFY(std::isnan(s.runFailurePercent)); // null: no run ended
        QCOMPARE(s.latencyP99Ms, 2.47);
        QCOMPARE(s.kafkaLag, 1500.0);
        QCOMPARE(s.partitions.size(), 2);
        QVERIFY(std::isnan(s.partitions.at(0).committed));
        QCOMPARE(s.partitions.at(1).committed, 10.0);
        QCOMPARE(s.outboxBacklog, 4.0);
        QCOMPARE(s.components.value(u"worker"_s).inFlight, 7);
        QCOMPARE(s.components.value(u"worker"_s).autoscale, true);
        QCOMPARE(s.components.value(u"server"_s).min, 1);
        QCOMPARE(s.instances.size(), 2);
        QCOMPARE(s.instances.at(1).id, u"worker-2"_s);
        QVERIFY(s.instances.at(1).draining);
        QCOMPARE(s.instances.at(0).rssBytes, 28774400.0);
        QCOMPARE(s.unavailable, QStringList{u"postgres"_s});
    }

    void anAnswerWithoutItsPartsIsRefused()
    {
        QJsonObject partial = statsAnswer();
        partial.remove(u"instances"_s);
        const auto read = ClusterSnapshot::fromJson(partial);
        QVERIFY(!read);
        QVERIFY2(read.error().detail().contains(u"instances"_s), qPrintable(read.error().detail()));
        QVERIFY(!ClusterSnapshot::fromJson(QJsonObject{{u"detail"_s, u"Not Found"_s}}));
    }

    void historyAppendsOnlyNewerPointsAndKeepsItsWindow()
    {
        StatsHistory history(10'000);
        QCOMPARE(history.merge(historyAnswer({1000, 2000, 3000}, {5, QJsonValue(), 7})), 3);
        // A null leaves no point, the instant still counts.
        QCOMPARE(history.series(u"kafka_lag"_s), (QList<QPointF>{{1000, 5}, {3000, 7}}));
        // Overlapping answers (the poller asks with a margin) add only what is new.
        QCOMPARE(history.merge(historyAnswer({2000, 3000, 4000}, {6, 7, 8})), 1);
        QCOMPARE(history.series(u"kafka_lag"_s).size(), 3);
        QCOMPARE(history.lastT(), 4000);
        // Past the window, the oldest go.
        QCOMPARE(history.merge(historyAnswer({12'500, 13'000}, {1, 2})), 2);
        QCOMPARE(history.firstT(), 3000);
        QCOMPARE(history.series(u"kafka_lag"_s).first(), QPointF(3000, 7));
        QCOMPARE(history.merge(QJsonObject{{u"detail"_s, u"x"_s}}), 0);
    }

    void thresholdsFollowTheSeedsTable()
    {
        const Thresholds thresholds;
        QCOMPARE(thresholds.levelOf(u"lag"_s, 50), Level::Good);
        QCOMPARE(thresholds.levelOf(u"lag"_s, 600), Level::Warning);
        QCOMPARE(thresholds.levelOf(u"lag"_s, 1001), Level::Critical);
        QCOMPARE(thresholds.levelOf(u"p99"_s, 2500), Level::Critical);
        QCOMPARE(thresholds.levelOf(u"cpu"_s, 71), Level::Critical);
        QCOMPARE(thresholds.levelOf(u"error"_s, 5.0), Level::Warning);
        QCOMPARE(thresholds.levelOf(u"error"_s, NAN), Level::Unknown);
        QCOMPARE(thresholds.levelOf(u"unknown"_s, 1), Level::Unknown);
    }

    void eachAlertEpisodeNotifiesOnce()
    {
        HealthMonitor monitor;
        QSignalSpy alerts(&monitor, &HealthMonitor::alert);
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        monitor.observe(snapshot(0), t0);
        QCOMPARE(monitor.level(), Level::Good);
        QCOMPARE(alerts.count(), 0);
        // The dead-letter count grows twice in a row: one episode, one alert.
        monitor.observe(snapshot(2), t0.addSecs(1));
        monitor.observe(snapshot(3), t0.addSecs(2));
        QCOMPARE(alerts.count(), 1);
        QCOMPARE(alerts.at(0).at(0).value<HealthMonitor::Kind>(), HealthMonitor::Kind::DeadLetters);
        QVERIFY(monitor.level() != Level::Good);
        // It stops growing: the episode ends; growing again is a new one.
        monitor.observe(snapshot(3), t0.addSecs(3));
        QCOMPARE(monitor.level(), Level::Good);
        monitor.observe(snapshot(4), t0.addSecs(4));
        QCOMPARE(alerts.count(), 2);

        // Failing runs past 5 %: critical, one alert for the episode.
        monitor.observe(snapshot(4, 12.5), t0.addSecs(5));
        monitor.observe(snapshot(4, 30), t0.addSecs(6));
        QCOMPARE(monitor.level(), Level::Critical);
        QCOMPARE(alerts.count(), 3);
        QVERIFY2(monitor.conditions().join(u' ').contains(u"30.0 %"_s), qPrintable(monitor.conditions().join(u' ')));
        monitor.observe(snapshot(4, 0), t0.addSecs(7));
        QCOMPARE(monitor.level(), Level::Good);
    }

    void aComponentShortOfItsReplicasAlertsOnlyWhenItStays()
    {
        HealthMonitor monitor;
        QSignalSpy alerts(&monitor, &HealthMonitor::alert);
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        // Scaling up from 3 to 5: a moment below desired is convergence, not a problem.
        monitor.observe(snapshot(0, NAN, 3, 5), t0);
        monitor.observe(snapshot(0, NAN, 4, 5), t0.addSecs(10));
        QCOMPARE(alerts.count(), 0);
        monitor.observe(snapshot(0, NAN, 4, 5), t0.addSecs(31));
        QCOMPARE(alerts.count(), 1);
        QCOMPARE(alerts.at(0).at(0).value<HealthMonitor::Kind>(), HealthMonitor::Kind::BelowDesired);
        QCOMPARE(monitor.level(), Level::Critical);
        monitor.observe(snapshot(0, NAN, 4, 5), t0.addSecs(40));
        QCOMPARE(alerts.count(), 1);
        monitor.observe(snapshot(0, NAN, 5, 5), t0.addSecs(41));
        QCOMPARE(monitor.level(), Level::Good);
        // No answer: unknown, and the last conditions give way to why.
        monitor.observeStale(u"no answer for 5 s"_s);
        QCOMPARE(monitor.level(), Level::Unknown);
        QCOMPARE(monitor.conditions(), QStringList{u"no answer for 5 s"_s});
    }

    void theInstanceTableUpdatesRowsInPlace()
    {
        InstanceTableModel model;
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setInstances(snapshot().instances);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.data(model.index(1, InstanceTableModel::State)).toString(), u"draining"_s);
        QCOMPARE(model.data(model.index(0, InstanceTableModel::Rss)).toString(), u"27.4"_s);
        // The same instances with new figures: no reset (a selection survives).
        ClusterSnapshot next = snapshot();
        next.instances[0].inFlight = 9;
        model.setInstances(next.instances);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(model.data(model.index(0, InstanceTableModel::InFlight)).toInt(), 9);
        // One killed: the rows change.
        next.instances.removeLast();
        model.setInstances(next.instances);
        QCOMPARE(resets.count(), 2);
        QCOMPARE(model.rowCount(), 1);
    }

    void endpointUrlsAreCheckedBeforeUse()
    {
        QString error;
        QCOMPARE(EndpointList::parseUrl(u" http://127.0.0.1:8000/ "_s, &error), QUrl(u"http://127.0.0.1:8000"_s));
        QCOMPARE(EndpointList::parseUrl(u"127.0.0.1:8000"_s, &error).scheme(), u"http"_s);
        for (const QString &bad : {u""_s, u"ftp://127.0.0.1/"_s, u"http://"_s, u"http://127.0.0.1:8000/?x=1"_s}) {
            error.clear();
            QVERIFY2(EndpointList::parseUrl(bad, &error).isEmpty(), qPrintable(bad));
            QVERIFY2(!error.isEmpty(), qPrintable(bad));
        }
    }

    void failuresSayWhatToDo()
    {
        ApiResponse unauthorized;
        unauthorized.outcome = ApiResponse::Outcome::Answered;
        unauthorized.status = 401;
        unauthorized.body = QJsonDocument(QJsonObject{{u"detail"_s, u"the API key is not valid (unknown or revoked)"_s}});
        QVERIFY(!unauthorized.ok());
        QVERIFY2(unauthorized.message().contains(u"not valid (unknown or revoked)"_s), qPrintable(unauthorized.message()));
        QVERIFY2(unauthorized.message().contains(u"Connection settings"_s), qPrintable(unauthorized.message()));
        ApiResponse timeout;
        timeout.outcome = ApiResponse::Outcome::Timeout;
        timeout.elapsedMs = 3000;
        QVERIFY2(timeout.message().contains(u"3000 ms"_s), qPrintable(timeout.message()));
        ApiResponse fine;
        fine.outcome = ApiResponse::Outcome::Answered;
        fine.status = 200;
        QVERIFY(fine.ok());
        QVERIFY(fine.message().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConsoleModel)
#include "tst_consolemodel.moc"
