// The cluster view and the autoscaler on the real scale-out stack (wf-stack with nginx, PgBouncer,
// Redis, the broker, 3 servers and 3 workers): GET /api/v1/admin/stats counts every instance and
// moves with known traffic, a killed or hung instance leaves the view within seconds, it holds
// while Redis hangs (snapshots go through PostgreSQL), the worker
// group's lag rises while no worker runs and falls when they return, the history keeps the
// series, bad scaling input changes nothing, and the autoscaler adds workers under a backlog and
// removes them after it drained, one step per cool-down and within its bounds, saying why.
#include "httpclient.h"
#include "stackports.h"
#include "testcluster.h"

#include "core/json.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QtTest>

#include <functional>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using wf::test::HttpClient;
using wf::test::HttpResult;

namespace {

constexpr int kCooldownSeconds = 3;

QJsonObject component(const QJsonObject &stats, const QString &name)
{
    return stats.value(u"components"_s).toObject().value(name).toObject();
}

QList<qint64> instancePids(const QJsonObject &stats, const QString &componentName)
{
    QList<qint64> pids;
    for (const QJsonValue &row : stats.value(u"instances"_s).toArray())
        if (row[u"component"_s].toString() == componentName)
            pids.append(row[u"pid"_s].toInteger());
    return pids;
}

// Waits until `condition` holds, evaluating it once per try: the view comes from whichever server
// nginx picks, each with its own lag measurement, so a second look may differ from the first.
bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    return QTest::qWaitFor(condition, timeoutMs);
}

} // namespace

class TestObservability : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_state{QDir::tempPath() + u"/wf-observability-XXXXXX"_s};
    QProcess m_stack;
    wf::test::StackPorts m_ports;
    QProcessEnvironment m_environment;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<HttpClient> m_client;
    QString m_quickWorkflow;
    QString m_slowWorkflow;

    QJsonObject stats() { return m_http->get(u"/api/v1/admin/stats"_s).object(); }
    QJsonObject stackComponent(const QString &name)
    {
        return wf::test::stackStatus(m_environment).value(u"components"_s).toObject().value(name).toObject();
    }
    HttpResult scale(const QString &name, const QJsonObject &body)
    {
        return m_http->putJson(u"/api/v1/admin/scaling/"_s + name, body);
    }
    QString createWorkflow(const QByteArray &definition)
    {
        const HttpResult created = m_client->postJson(u"/api/v1/workflows"_s, wf::json::parse(definition).value());
        return created.object().value(u"workflow_id"_s).toString();
    }
    QStringList trigger(const QString &workflow, int count)
    {
        QStringList runs;
        for (int i = 0; i < count; ++i) {
            const HttpResult result = m_client->postJson(u"/api/v1/trigger"_s, QJsonObject{{u"workflow_id"_s, workflow}});
            if (result.status == 200)
                runs.append(result.object().value(u"run_id"_s).toString());
        }
        return runs;
    }
    // 0 when every run succeeded; else 1 (it stops at the first that did not, yet).
    int unfinished(const QStringList &runs)
    {
        for (const QString &run : runs) {
            if (m_client->get(u"/api/v1/runs/"_s + run).object().value(u"status"_s).toString() != u"success"_s)
                return 1;
        }
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_ports.server > 0 && m_ports.workerHealth > 0);
        m_environment = m_ports.environment(m_state.path());
        m_environment.insert(u"WF_KAFKA_SESSION_TIMEOUT_MS"_s, u"6000"_s);
        // Few runs at once per worker, so that a backlog outlasts a worker or two.
        m_environment.insert(u"WF_WORKER_CONCURRENCY"_s, u"4"_s);
        m_environment.insert(u"WF_AUTOSCALE_WORKER_LAG_HIGH"_s, u"100"_s);
        m_environment.insert(u"WF_AUTOSCALE_WORKER_LAG_LOW"_s, u"20"_s);
        m_environment.insert(u"WF_AUTOSCALE_WORKER_COOLDOWN_SECONDS"_s, QString::number(kCooldownSeconds));
        m_stack.setProcessEnvironment(m_environment);
        m_stack.setProcessChannelMode(QProcess::ForwardedChannels);
        m_stack.start(wf::test::binDir() + u"/wf-stack"_s, {u"up"_s, u"--api"_s, u"3"_s, u"--workers"_s, u"3"_s});
        QVERIFY(m_stack.waitForStarted());
        QCOMPARE(wf::test::stackCommand(m_environment, {u"wait-ready"_s, u"--timeout"_s, u"150"_s}), 0);
        m_http = std::make_unique<HttpClient>(QUrl(u"http://127.0.0.1:%1"_s.arg(m_ports.http)));
        m_http->setKey(wf::test::stackOperatorKey(m_environment)); // admin routes, at the operator's rate
        // Client routes without a key, as the seed's clients send them (WF_AUTH=open, no limit).
        m_client = std::make_unique<HttpClient>(QUrl(u"http://127.0.0.1:%1"_s.arg(m_ports.http)));
        m_quickWorkflow = createWorkflow("{\"name\":\"quick\",\"steps\":[{\"name\":\"shape\",\"type\":\"transform\","
                                         "\"config\":{\"output\":\"done\"}}]}");
        m_slowWorkflow = createWorkflow("{\"name\":\"slow\",\"steps\":[{\"name\":\"wait\",\"type\":\"delay\","
                                        "\"config\":{\"duration\":0.2}}]}");
        QVERIFY(!m_quickWorkflow.isEmpty() && !m_slowWorkflow.isEmpty());
    }

    void cleanupTestCase()
    {
        // WF_TEST_KEEP=1 keeps the stack's folder (logs) for a closer look.
        const bool keep = qEnvironmentVariableIsSet("WF_TEST_KEEP");
        wf::test::stackCommand(m_environment, keep ? QStringList{u"down"_s} : QStringList{u"down"_s, u"--purge"_s});
        m_stack.waitForFinished(60000);
        if (keep) {
            m_state.setAutoRemove(false);
            qInfo("stack state and logs kept in %s", qPrintable(m_state.path()));
        }
    }

    void everyInstanceIsInTheView()
    {
        QVERIFY(waitFor([&] { return component(stats(), u"server"_s).value(u"serving"_s).toInt() == 3
                                         && component(stats(), u"worker"_s).value(u"serving"_s).toInt() == 3; }, 20000));
        const QJsonObject view = stats();
        QCOMPARE(view.value(u"sources"_s)[u"instances"_s].toString(), u"redis"_s);
        QVERIFY(view.value(u"sources"_s)[u"unavailable"_s].toArray().isEmpty());
        // The processes the stack runs are the ones in the view.
        QList<qint64> expected;
        for (const QString &name : {u"server"_s, u"worker"_s})
            for (const QJsonValue &pid : stackComponent(name).value(u"pids"_s).toArray())
                expected.append(pid.toInteger());
        QList<qint64> seen = instancePids(view, u"server"_s) + instancePids(view, u"worker"_s);
        std::sort(expected.begin(), expected.end());
        std::sort(seen.begin(), seen.end());
        QCOMPARE(seen, expected);
        for (const QJsonValue &row : view.value(u"instances"_s).toArray()) {
            QCOMPARE(row[u"state"_s].toString(), u"serving"_s);
            QVERIFY(row[u"rss_bytes"_s].toDouble() > 1e6);
            QVERIFY(row[u"heartbeat_age_ms"_s].toDouble() < 4000);
            QVERIFY(!row[u"id"_s].toString().isEmpty());
        }
        const QJsonObject kafka = view.value(u"kafka"_s).toObject();
        QCOMPARE(kafka.value(u"group"_s).toString(), u"workflow-workers"_s);
        QCOMPARE(kafka.value(u"partitions"_s).toArray().size(), 3);
        QCOMPARE(view.value(u"scaling"_s)[u"worker"_s][u"autoscale"_s].toBool(), false);
        QVERIFY(view.value(u"outbox"_s)[u"backlog"_s].isDouble());
        QVERIFY(view.value(u"dead_letters"_s)[u"total"_s].isDouble());
    }

    void figuresMoveWithKnownTraffic()
    {
        const QString route = u"GET /api/v1/workflows/{id}"_s;
        auto routeCount = [&] { return stats().value(u"latency_ms"_s)[u"routes"_s][route][u"count"_s].toInt(); };
        QCOMPARE(routeCount(), 0);
        for (int i = 0; i < 40; ++i)
            QCOMPARE(m_client->get(u"/api/v1/workflows/"_s + m_quickWorkflow).status, 200);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_client->get(u"/api/v1/workflows/0123456789abcdef0123456789abcdef"_s).status, 404);
        // Counted by whichever servers nginx chose, added up: exactly the 45.
        QVERIFY(waitFor([&] { return routeCount() == 45; }, 10000));
        const QStringList runs = trigger(m_quickWorkflow, 10);
        QCOMPARE(runs.size(), 10);
        QVERIFY(waitFor([&] { return unfinished(runs) == 0; }, 30000));
        auto finishedInTheMinute = [&] {
            return qRound(stats().value(u"throughput"_s)[u"runs_finished_per_second"_s][u"60s"_s].toDouble() * 60);
        };
        QVERIFY(waitFor([&] { return finishedInTheMinute() >= 10; }, 10000));
        // Triggers are counted by the servers, finished runs by the workers: each figure arrives
        // with its process's next snapshot (once a second), so both are waited for.
        QJsonObject view;
        QVERIFY2(waitFor([&] {
                     view = stats();
                     return qRound(view.value(u"throughput"_s)[u"runs_triggered_per_second"_s][u"60s"_s].toDouble() * 60) == 10;
                 }, 10000),
                 QJsonDocument(view.value(u"throughput"_s).toObject()).toJson(QJsonDocument::Compact).constData());
        QVERIFY(view.value(u"throughput"_s)[u"requests_per_second"_s][u"60s"_s].toDouble() > 0);
        QVERIFY(view.value(u"errors"_s)[u"http_4xx_percent"_s][u"60s"_s].toDouble() > 0); // the five 404s
        QCOMPARE(view.value(u"errors"_s)[u"run_failure_percent"_s][u"60s"_s].toDouble(), 0.0);
        QVERIFY(view.value(u"latency_ms"_s)[u"routes"_s][route][u"p99"_s].toDouble() > 0);
    }

    void aKilledOrHungInstanceLeavesTheView()
    {
        const QJsonObject before = stats();
        const qint64 killed = instancePids(before, u"server"_s).value(0);
        const qint64 hung = instancePids(before, u"worker"_s).value(0);
        QVERIFY(killed > 0 && hung > 0);
        QVERIFY(wf::test::sendSignal(killed, SIGKILL));
        QVERIFY(wf::test::sendSignal(hung, SIGSTOP));
        QElapsedTimer clock;
        clock.start();
        QVERIFY(waitFor([&] { return !instancePids(stats(), u"server"_s).contains(killed)
                                         && !instancePids(stats(), u"worker"_s).contains(hung); }, 8000));
        qInfo() << "killed server and stopped worker left the view after" << clock.elapsed() << "ms";
        QVERIFY(wf::test::sendSignal(hung, SIGCONT));
        QVERIFY(waitFor([&] { return instancePids(stats(), u"worker"_s).contains(hung); }, 8000));
        // The supervisor replaced the killed server; the view has three servers again.
        QVERIFY(waitFor([&] { return component(stats(), u"server"_s).value(u"serving"_s).toInt() == 3; }, 30000));
    }

    void theViewHoldsWhileRedisHangs()
    {
        const qint64 redis = stackComponent(u"redis"_s).value(u"pids"_s).toArray().at(0).toInteger();
        QVERIFY(redis > 0);
        QVERIFY(wf::test::sendSignal(redis, SIGSTOP));
        // Every process falls back to PostgreSQL for its snapshot; the view stays whole.
        const bool fellBack = waitFor(
                [&] {
                    const QJsonObject view = stats();
                    return view.value(u"sources"_s)[u"instances"_s].toString() == u"postgres"_s
                            && view.value(u"sources"_s)[u"unavailable"_s].toArray().contains(u"redis"_s)
                            && component(view, u"server"_s).value(u"serving"_s).toInt() == 3
                            && component(view, u"worker"_s).value(u"serving"_s).toInt() == 3;
                },
                20000);
        QVERIFY(wf::test::sendSignal(redis, SIGCONT));
        QVERIFY(fellBack);
        QVERIFY(waitFor([&] { return stats().value(u"sources"_s)[u"instances"_s].toString() == u"redis"_s; }, 30000));
    }

    void lagRisesWithoutWorkersAndFallsWhenTheyReturn()
    {
        QCOMPARE(scale(u"worker"_s, {{u"replicas"_s, 0}}).status, 202);
        QVERIFY(waitFor([&] { return component(stats(), u"worker"_s).value(u"instances"_s).toInt() == 0; }, 40000));
        const QStringList runs = trigger(m_quickWorkflow, 200);
        QCOMPARE(runs.size(), 200);
        // Published (the outbox empties) but consumed by nobody: the group's lag holds all 200.
        QVERIFY(waitFor([&] { return stats().value(u"kafka"_s)[u"lag"_s].toInt() >= 200
                                         && stats().value(u"outbox"_s)[u"backlog"_s].toInt() == 0; }, 15000));
        const QJsonObject view = stats();
        qint64 sum = 0;
        for (const QJsonValue &partition : view.value(u"kafka"_s)[u"partitions"_s].toArray())
            sum += partition[u"lag"_s].toInteger();
        QCOMPARE(sum, view.value(u"kafka"_s)[u"lag"_s].toInteger());
        QCOMPARE(scale(u"worker"_s, {{u"replicas"_s, 3}}).status, 202);
        QVERIFY(waitFor([&] { return stats().value(u"kafka"_s)[u"lag"_s].toInt() == 0; }, 60000));
        QVERIFY(waitFor([&] { return unfinished(runs) == 0; }, 30000));
    }

    void theHistoryKeepsTheSeries()
    {
        // A point a second since the monitor started: the earlier tests may have taken less
        // than 30 s (and a busy machine delays points), so the points are waited for.
        HttpResult history;
        QVERIFY(waitFor([&] {
            history = m_http->get(u"/api/v1/admin/stats/history?window=120s"_s);
            return history.status == 200 && history.object().value(u"t"_s).toArray().size() >= 30;
        }, 60000));
        QJsonObject series = history.object();
        QCOMPARE(series.value(u"resolution_seconds"_s).toInt(), 1);
        QCOMPARE(series.value(u"window_seconds"_s).toInt(), 120);
        const QJsonArray times = series.value(u"t"_s).toArray();
        QVERIFY2(times.size() >= 30, qPrintable(QString::number(times.size())));
        const QJsonArray workers = series.value(u"series"_s)[u"worker_instances"_s].toArray();
        QCOMPARE(workers.size(), times.size());
        // The minute without workers and the lag it caused are both in it.
        QVERIFY(workers.contains(QJsonValue(0)));
        double highestLag = 0;
        for (const QJsonValue &lag : series.value(u"series"_s)[u"kafka_lag"_s].toArray())
            highestLag = qMax(highestLag, lag.toDouble());
        QVERIFY2(highestLag >= 200, qPrintable(QString::number(highestLag)));
        QCOMPARE(m_http->get(u"/api/v1/admin/stats/history?window=30m"_s).object().value(u"resolution_seconds"_s).toInt(), 5);
        for (const QString &bad : {u"2h"_s, u"abc"_s, u"5s"_s, u"-1m"_s}) {
            history = m_http->get(u"/api/v1/admin/stats/history?window="_s + bad);
            QCOMPARE(history.status, 400);
            QVERIFY(history.detail().contains(u"window"_s));
        }
    }

    void badScalingInputChangesNothing()
    {
        const QJsonObject before = m_http->get(u"/api/v1/admin/scaling"_s).object();
        const QList<std::pair<QJsonObject, QString>> cases{
                {{{u"autoscale"_s, u"yes"_s}}, u"autoscale"_s},
                {{{u"min"_s, 5}, {u"max"_s, 2}}, u"min"_s},
                {{}, u"replicas"_s},
                {{{u"replicas"_s, -1}}, u"replicas"_s},
                {{{u"max"_s, 100000}}, u"max"_s},
                {{{u"replicas"_s, 40}}, u"between"_s}};
        for (const auto &[body, word] : cases) {
            const HttpResult result = scale(u"worker"_s, body);
            QCOMPARE(result.status, 400);
            QVERIFY2(result.detail().contains(word), qPrintable(result.detail()));
        }
        QCOMPARE(scale(u"database"_s, {{u"autoscale"_s, true}}).status, 404);
        QCOMPARE(m_http->get(u"/api/v1/admin/scaling/events?limit=0"_s).status, 400);
        QCOMPARE(m_http->get(u"/api/v1/admin/scaling"_s).object(), before);
    }

    void theAutoscalerFollowsTheBacklog()
    {
        QCOMPARE(scale(u"worker"_s, {{u"replicas"_s, 0}}).status, 202);
        QVERIFY(waitFor([&] { return component(stats(), u"worker"_s).value(u"instances"_s).toInt() == 0; }, 40000));
        const QStringList runs = trigger(m_slowWorkflow, 600);
        QCOMPARE(runs.size(), 600);
        QVERIFY(waitFor([&] { return stats().value(u"kafka"_s)[u"lag"_s].toInt() >= 500; }, 15000));

        // Switched on with bounds 1..3: the API raises the count to the new minimum, the
        // autoscaler goes on from there, one worker per cool-down, never past 3.
        const HttpResult on = scale(u"worker"_s, {{u"autoscale"_s, true}, {u"min"_s, 1}, {u"max"_s, 3}});
        QCOMPARE(on.status, 202);
        QCOMPARE(on.object().value(u"desired"_s).toInt(), 1);
        int highest = 0;
        auto desired = [&] {
            const int count = m_http->get(u"/api/v1/admin/scaling"_s).object()[u"components"_s][u"worker"_s][u"desired"_s].toInt();
            highest = qMax(highest, count);
            return count;
        };
        QVERIFY(waitFor([&] { return desired() == 3; }, 40000));
        // Drained, it gives the workers back down to its minimum.
        QVERIFY(waitFor([&] { return unfinished(runs) == 0; }, 120000));
        QVERIFY(waitFor([&] { return desired() == 1; }, 60000));
        QCOMPARE(highest, 3);
        QVERIFY(waitFor([&] { return stackComponent(u"worker"_s).value(u"actual"_s).toInt() == 1; }, 40000));

        const QJsonArray events = m_http->get(u"/api/v1/admin/scaling/events?component=worker&limit=200"_s).object()[u"items"_s].toArray();
        QList<QJsonObject> acted; // oldest first, since the switch was turned on
        bool sawBlocked = false;
        for (const QJsonValue &value : events) {
            const QJsonObject event = value.toObject();
            if (event[u"source"_s].toString() == u"api"_s)
                break;
            if (event[u"source"_s].toString() != u"autoscaler"_s)
                continue;
            QVERIFY(!event[u"reason"_s].toString().isEmpty());
            QVERIFY(event[u"inputs"_s][u"kafka_lag"_s].isDouble());
            if (event[u"acted"_s].toBool())
                acted.prepend(event);
            else
                sawBlocked = sawBlocked || !event[u"inputs"_s][u"blocked_by"_s].toString().isEmpty();
        }
        QStringList steps;
        for (const QJsonObject &event : acted)
            steps.append(u"%1:%2->%3"_s.arg(event[u"rule"_s].toString()).arg(event[u"from"_s].toInt()).arg(event[u"to"_s].toInt()));
        QCOMPARE(steps.join(u' '), u"lag_high:1->2 lag_high:2->3 lag_low:3->2 lag_low:2->1"_s);
        QVERIFY(sawBlocked); // at least the cool-down between the steps, or the bounds
        // One step per cool-down.
        for (qsizetype i = 1; i < acted.size(); ++i) {
            const auto at = [](const QJsonObject &event) {
                return QDateTime::fromString(event[u"created_at"_s].toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
            };
            QVERIFY2(at(acted.at(i)) - at(acted.at(i - 1)) >= kCooldownSeconds * 1000 - 50,
                     qPrintable(u"%1 ms between two changes"_s.arg(at(acted.at(i)) - at(acted.at(i - 1)))));
        }
        QCOMPARE(scale(u"worker"_s, {{u"autoscale"_s, false}}).status, 202);
    }
};

QTEST_GUILESS_MAIN(TestObservability)
#include "tst_observability.moc"
