// The failures the core must survive, each reproduced end to end with real processes: PostgreSQL
// behind PgBouncer, the embedded broker, a wf-server, wf-workers and a local webhook receiver.
// Data that doubles from step to step, a run that keeps killing its workers, a delay whose
// workers all die, concurrent retries, stored data that cannot be read, and PgBouncer frozen
// while webhooks are in flight.
#include "httpclient.h"
#include "platformprocess.h"
#include "serverprocess.h"
#include "testcluster.h"
#include "webhookreceiver.h"

#include "core/json.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QtTest>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;
using wf::test::HttpClient;
using wf::test::HttpResult;
using wf::test::PlatformProcess;

namespace {

constexpr int kMaxExecutions = 3;

// Peak resident memory of a process (VmHWM), in bytes; -1 when unknown.
qint64 peakRss(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

} // namespace

class TestFailures : public QObject
{
    Q_OBJECT

private:
    wf::test::TestCluster m_cluster;
    wf::test::BrokerProcess m_broker;
    wf::test::ServerProcess m_server;
    std::vector<std::unique_ptr<PlatformProcess>> m_workers;
    wf::test::WebhookReceiver m_receiver;
    std::unique_ptr<HttpClient> m_http;
    int m_nextWorker = 1;

    QProcessEnvironment environment(const QString &instance, int leaseSeconds = 3) const;
    QString startWorkers(int count, int leaseSeconds = 3);
    void killWorkers();
    QString createWorkflow(const QJsonArray &steps);
    QString trigger(const QString &workflowId, const QJsonObject &payload = {});
    QString status(const QString &runId);
    bool waitForStatus(const QString &runId, const QString &status, int timeoutMs);
    QString diagnostics();
    // A run inserted by hand (as data an older version, or a broken hand, left behind) and
    // announced on workflow.trigger through the outbox.
    QString insertRun(const QString &workflowId, int version, const QString &stepResults);

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void dataThatDoublesFailsTheRunWithinMemory();
    void runThatKeepsKillingItsWorkersEndsFailed();
    void delayResumesAfterItsWorkersDied();
    void missingVersionOrUnreadableResultsFailTheRun();
    void concurrentRetriesMakeOneRun();
    void pgbouncerFrozenWhileWebhooksAreInFlight();
    void aHungDatabaseGetsFastAnswersAndLosesNoRun();
};

QProcessEnvironment TestFailures::environment(const QString &instance, int leaseSeconds) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"WF_DATABASE_URL"_s, m_cluster.databaseUrl());
    environment.insert(u"WF_KAFKA_BROKERS"_s, m_broker.bootstrap());
    environment.insert(u"WF_INSTANCE_ID"_s, instance);
    // The receivers of these tests listen on 127.0.0.1, and nothing else may be reached.
    environment.insert(u"WF_WEBHOOK_ALLOW"_s, u"127.0.0.1/32"_s);
    environment.insert(u"WF_WORKER_LEASE_SECONDS"_s, QString::number(leaseSeconds));
    environment.insert(u"WF_WORKER_REQUEUE_SECONDS"_s, u"6"_s);
    environment.insert(u"WF_WORKER_MAX_EXECUTIONS"_s, QString::number(kMaxExecutions));
    environment.insert(u"WF_KAFKA_SESSION_TIMEOUT_MS"_s, u"6000"_s);
    environment.insert(u"WF_DATABASE_CONNECTIONS"_s, u"3"_s);
    return environment;
}

QString TestFailures::startWorkers(int count, int leaseSeconds)
{
    for (int i = 0; i < count; ++i) {
        auto worker = std::make_unique<PlatformProcess>(u"wf-worker"_s);
        const QString error = worker->start({}, environment(u"worker-%1"_s.arg(m_nextWorker++), leaseSeconds));
        if (!error.isEmpty())
            return error;
        if (!worker->waitForOutput("consuming", 30000))
            return u"wf-worker did not start consuming: "_s + QString::fromUtf8(worker->output());
        m_workers.push_back(std::move(worker));
    }
    return {};
}

void TestFailures::killWorkers()
{
    for (auto &worker : m_workers)
        worker->kill();
    m_workers.clear();
}

QString TestFailures::createWorkflow(const QJsonArray &steps)
{
    // As a seed client writes it: no id, no description.
    const HttpResult created = m_http->postJson(u"/api/v1/workflows"_s, QJsonObject{{u"name"_s, u"failures"_s}, {u"steps"_s, steps}});
    if (created.status != 200)
        qWarning() << "create failed" << created.status << created.body;
    return created.object().value(u"workflow_id"_s).toString();
}

QString TestFailures::trigger(const QString &workflowId, const QJsonObject &payload)
{
    const HttpResult triggered =
            m_http->postJson(u"/api/v1/trigger"_s, QJsonObject{{u"workflow_id"_s, workflowId}, {u"payload"_s, payload}});
    return triggered.status == 200 ? triggered.object().value(u"run_id"_s).toString() : QString();
}

QString TestFailures::status(const QString &runId)
{
    return m_cluster.scalar(u"SELECT status FROM workflow_runs WHERE uuid = '%1'"_s.arg(runId));
}

bool TestFailures::waitForStatus(const QString &runId, const QString &wanted, int timeoutMs)
{
    return QTest::qWaitFor([&] { return status(runId) == wanted; }, timeoutMs);
}

QString TestFailures::diagnostics()
{
    QString text = m_cluster.scalar(u"SELECT string_agg(uuid || ' ' || status || ' x' || execution_attempts || ' '"
                                    " || coalesce(error, ''), E'\\n') FROM workflow_runs"_s);
    for (auto &worker : m_workers)
        text += u"\n--- worker ---\n"_s + QString::fromUtf8(worker->output().right(2000));
    return text;
}

QString TestFailures::insertRun(const QString &workflowId, int version, const QString &stepResults)
{
    const QString runId = m_cluster.scalar(
            u"WITH run AS (INSERT INTO workflow_runs (uuid, workflow_id, workflow_version, step_results)"
            " VALUES (md5(random()::text), '%1', %2, '%3'::jsonb) RETURNING uuid, workflow_id, workflow_version)"
            " INSERT INTO outbox (topic, message_key, payload)"
            " SELECT 'workflow.trigger', uuid, jsonb_build_object('run_id', uuid) FROM run RETURNING message_key"_s
                    .arg(workflowId)
                    .arg(version)
                    .arg(stepResults));
    return runId;
}

void TestFailures::initTestCase()
{
    QString error = m_cluster.start({true});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = m_broker.start(3);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // The server logs JSON (the workers text), so that both formats of the run events are seen.
    QProcessEnvironment serverEnvironment = environment(u"server-1"_s);
    serverEnvironment.insert(u"WF_LOG_FORMAT"_s, u"json"_s);
    // A hung database costs a request at most a second here (5 s by default).
    serverEnvironment.insert(u"WF_DATABASE_TIMEOUT_MS"_s, u"1000"_s);
    error = m_server.start(m_cluster.databaseUrl(), serverEnvironment);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_http = std::make_unique<HttpClient>(m_server.url());
    error = startWorkers(2);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestFailures::cleanupTestCase()
{
    for (auto &worker : m_workers)
        worker->stop();
    m_server.stop();
    m_broker.stop();
}

void TestFailures::dataThatDoublesFailsTheRunWithinMemory()
{
    // 27 transform steps, each [prev, prev], from a 1 KiB payload: 128 GiB unless bounded.
    QJsonArray steps{QJsonObject{{u"name"_s, u"s0"_s}, {u"type"_s, u"transform"_s},
                                 {u"config"_s, QJsonObject{{u"output"_s, u"${payload.blob}"_s}}}}};
    for (int i = 1; i <= 27; ++i) {
        const QString previous = u"${steps.s%1.output}"_s.arg(i - 1);
        steps.append(QJsonObject{{u"name"_s, u"s%1"_s.arg(i)},
                                 {u"type"_s, u"transform"_s},
                                 {u"config"_s, QJsonObject{{u"output"_s, QJsonArray{previous, previous}}}}});
    }
    const QString workflow = createWorkflow(steps);
    QVERIFY(!workflow.isEmpty());
    QElapsedTimer clock;
    clock.start();
    const QString runId = trigger(workflow, {{u"blob"_s, QString(1024, u'x')}});
    QVERIFY(!runId.isEmpty());
    QVERIFY2(waitForStatus(runId, u"failed"_s, 60000), qPrintable(diagnostics()));
    qInfo("poison run failed %lld ms after its trigger", clock.elapsed());
    const QString error = m_cluster.scalar(u"SELECT error FROM workflow_runs WHERE uuid = '%1'"_s.arg(runId));
    QVERIFY2(error.contains(u"WF_RUN_MAX_STEP_OUTPUT_BYTES"_s), qPrintable(error));
    QCOMPARE(m_cluster.scalar(u"SELECT execution_attempts FROM workflow_runs WHERE uuid = '%1'"_s.arg(runId)), u"1"_s);
    for (auto &worker : m_workers) {
        const qint64 peak = peakRss(worker->pid());
        qInfo("worker peak RSS %lld MiB", peak >> 20);
        QVERIFY2(peak > 0 && peak < (qint64(512) << 20), qPrintable(QString::number(peak)));
    }
}

void TestFailures::runThatKeepsKillingItsWorkersEndsFailed()
{
    m_receiver.clear();
    m_receiver.setAnswer("/fatal", {200, "{}", 60000}); // answered never: the workers die first
    const QString workflow = createWorkflow(QJsonArray{QJsonObject{
            {u"name"_s, u"fatal"_s},
            {u"type"_s, u"webhook"_s},
            {u"config"_s, QJsonObject{{u"url"_s, QString::fromUtf8(m_receiver.url("/fatal"))}}}}});
    const QString runId = trigger(workflow);
    QVERIFY(!runId.isEmpty());
    // Whenever the run's call arrives, every worker dies (as if the step crashed them), and new
    // ones start.
    int seen = 0;
    const bool ended = QTest::qWaitFor(
            [&] {
                if (m_receiver.count() > seen) {
                    seen = m_receiver.count();
                    killWorkers();
                    if (!startWorkers(2).isEmpty())
                        return true;
                }
                return status(runId) == u"failed"_s;
            },
            90000);
    QVERIFY2(ended && status(runId) == u"failed"_s, qPrintable(diagnostics()));
    QCOMPARE(seen, kMaxExecutions);
    const QString error = m_cluster.scalar(u"SELECT error FROM workflow_runs WHERE uuid = '%1'"_s.arg(runId));
    QVERIFY2(error.contains(u"executed %1 times without finishing"_s.arg(kMaxExecutions))
                     && error.contains(u"WF_WORKER_MAX_EXECUTIONS"_s),
             qPrintable(error));
    // Ended like any other run: completed, no lease left.
    QCOMPARE(m_cluster.scalar(u"SELECT completed_at IS NOT NULL AND lease_owner IS NULL FROM workflow_runs WHERE uuid = '%1'"_s.arg(runId)),
             u"t"_s);
}

void TestFailures::delayResumesAfterItsWorkersDied()
{
    const QString workflow = createWorkflow(QJsonArray{QJsonObject{
            {u"name"_s, u"wait"_s}, {u"type"_s, u"delay"_s}, {u"config"_s, QJsonObject{{u"duration"_s, 12}}}}});
    const QString runId = trigger(workflow);
    QVERIFY(!runId.isEmpty());
    // Once the delay is under way (its deadline stored), every worker dies; new ones take over.
    QVERIFY2(QTest::qWaitFor(
                     [&] {
                         return !m_cluster.scalar(u"SELECT step_results -> 'wait' ->> 'deadline' FROM workflow_runs WHERE uuid = '%1'"_s.arg(runId))
                                         .isEmpty();
                     },
                     15000),
             qPrintable(diagnostics()));
    QTest::qWait(2000); // the delay is 2 s in when its workers die: the point of the scenario
    killWorkers();
    QVERIFY2(startWorkers(2).isEmpty(), "workers did not restart");
    // When the new workers take it over: seconds since the trigger, on the database's clock.
    double resumedAt = 0;
    QVERIFY2(QTest::qWaitFor(
                     [&] {
                         const QString at = m_cluster.scalar(
                                 u"SELECT extract(epoch FROM clock_timestamp() - started_at) FROM workflow_runs"
                                 " WHERE uuid = '%1' AND execution_attempts = 2"_s.arg(runId));
                         resumedAt = at.toDouble();
                         return !at.isEmpty();
                     },
                     40000),
             qPrintable(diagnostics()));
    QVERIFY2(waitForStatus(runId, u"success"_s, 40000), qPrintable(diagnostics()));
    const double seconds =
            m_cluster.scalar(u"SELECT extract(epoch FROM completed_at - started_at) FROM workflow_runs WHERE uuid = '%1'"_s.arg(runId))
                    .toDouble();
    qInfo("12 s delay whose workers died 2 s in: resumed %.1f s after the trigger, success after %.1f s", resumedAt, seconds);
    QCOMPARE(m_cluster.scalar(u"SELECT execution_attempts FROM workflow_runs WHERE uuid = '%1'"_s.arg(runId)), u"2"_s);
    // The resumed delay waits only for what is left of the 12 s (nothing, if it resumed later);
    // restarting it would end 12 s after the resumption.
    QVERIFY2(seconds >= 12 && seconds < qMax(12.0, resumedAt) + 2.5,
             qPrintable(u"resumed at %1 s, done at %2 s"_s.arg(resumedAt).arg(seconds)));

    // Its timeline follows it from the server through both workers, under one trace id.
    QJsonArray events;
    QVERIFY(QTest::qWaitFor(
            [&] {
                events = m_http->get(u"/api/v1/runs/%1/events"_s.arg(runId)).object().value(u"items"_s).toArray();
                return !events.isEmpty() && events.last()[u"kind"_s].toString() == u"finished"_s;
            },
            5000));
    const HttpResult timeline = m_http->get(u"/api/v1/runs/%1/events"_s.arg(runId));
    const QString traceId = timeline.object().value(u"trace_id"_s).toString();
    QCOMPARE(traceId.size(), 32);
    QStringList kinds;
    QStringList claimers;
    for (const QJsonValue &event : std::as_const(events)) {
        kinds.append(event[u"kind"_s].toString());
        QCOMPARE(event[u"trace_id"_s].toString(), traceId);
        if (event[u"kind"_s].toString() == u"claimed"_s)
            claimers.append(event[u"instance"_s].toString() + u'#' + QString::number(event[u"detail"_s][u"execution"_s].toInt()));
    }
    QVERIFY2(kinds.startsWith(u"accepted"_s) && kinds.contains(u"published"_s), qPrintable(kinds.join(u' ')));
    QCOMPARE(events.first()[u"instance"_s].toString(), u"server-1"_s);
    QCOMPARE(claimers.size(), 2);
    QVERIFY2(claimers.at(0).endsWith(u"#1"_s) && claimers.at(1).endsWith(u"#2"_s), qPrintable(claimers.join(u' ')));
    QVERIFY2(claimers.at(0).section(u'#', 0, 0) != claimers.at(1).section(u'#', 0, 0), qPrintable(claimers.join(u' ')));
    QCOMPARE(events.last()[u"detail"_s][u"status"_s].toString(), u"success"_s);
    QVERIFY2(kinds.contains(u"step"_s), qPrintable(kinds.join(u' ')));
    // One log line per event, with the run's trace id: here the new workers' "claimed".
    bool logged = false;
    for (auto &worker : m_workers) {
        const QString output = QString::fromUtf8(worker->output());
        logged = logged || (output.contains(u"run %1 claimed"_s.arg(runId)) && output.contains(u"trace_id="_s + traceId));
    }
    QVERIFY(logged);
    // The server's, as JSON: one object whose fields name the run, the event, the instance and the trace.
    bool accepted = false;
    for (const QByteArray &line : m_server.output().split('\n')) {
        const QJsonObject object = wf::json::parse(line).value_or(QJsonValue()).toObject();
        accepted = accepted
                || (object.value(u"event"_s).toString() == u"accepted"_s && object.value(u"run_id"_s).toString() == runId
                    && object.value(u"trace_id"_s).toString() == traceId && object.value(u"instance"_s).toString() == u"server-1"_s
                    && object.value(u"category"_s).toString() == u"wf.run"_s);
    }
    QVERIFY(accepted);
    QCOMPARE(m_http->get(u"/api/v1/runs/0123456789abcdef0123456789abcdef/events"_s).status, 404);
    QCOMPARE(m_http->get(u"/api/v1/runs/%1/events?limit=0"_s.arg(runId)).status, 400);
}

void TestFailures::missingVersionOrUnreadableResultsFailTheRun()
{
    const QString workflow = createWorkflow(QJsonArray{QJsonObject{
            {u"name"_s, u"a"_s}, {u"type"_s, u"transform"_s}, {u"config"_s, QJsonObject{{u"output"_s, 1}}}}});
    const QString missing = insertRun(workflow, 99, u"{}"_s);
    const QString unreadable = insertRun(workflow, 1, uR"({"a": {"status": "bogus"}})"_s);
    QVERIFY2(waitForStatus(missing, u"failed"_s, 30000), qPrintable(diagnostics()));
    QVERIFY2(waitForStatus(unreadable, u"failed"_s, 30000), qPrintable(diagnostics()));
    QCOMPARE(m_cluster.scalar(u"SELECT error FROM workflow_runs WHERE uuid = '%1'"_s.arg(missing)),
             u"version 99 of workflow %1 does not exist"_s.arg(workflow));
    const QString error = m_cluster.scalar(u"SELECT error FROM workflow_runs WHERE uuid = '%1'"_s.arg(unreadable));
    QVERIFY2(error.startsWith(u"the run's stored step results cannot be read: step result 'a'"_s), qPrintable(error));
    // Through the API as well: a failed run, not an empty success.
    const QJsonObject run = m_http->get(u"/api/v1/runs/"_s + missing).object();
    QCOMPARE(run.value(u"status"_s).toString(), u"failed"_s);
}

void TestFailures::concurrentRetriesMakeOneRun()
{
    m_receiver.clear();
    m_receiver.setAnswer("/flaky", {500, "{}", 0});
    const QString workflow = createWorkflow(QJsonArray{QJsonObject{
            {u"name"_s, u"call"_s},
            {u"type"_s, u"webhook"_s},
            {u"config"_s, QJsonObject{{u"url"_s, QString::fromUtf8(m_receiver.url("/flaky"))}}}}});
    const QString original = trigger(workflow);
    QVERIFY2(waitForStatus(original, u"failed"_s, 30000), qPrintable(diagnostics()));

    // The retry's call takes a while, so the retry is not terminal when the others arrive.
    m_receiver.setAnswer("/flaky", {200, "{}", 3000});
    QNetworkAccessManager network;
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 4; ++i) {
        QNetworkRequest request(m_http->base().resolved(QUrl(u"/api/v1/runs/%1/retry"_s.arg(original))));
        replies.append(network.post(request, QByteArray()));
    }
    QVERIFY(QTest::qWaitFor([&] { return std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }); },
                            15000));
    QSet<QString> retries;
    int replayed = 0;
    for (QNetworkReply *reply : replies) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        retries.insert(wf::json::parse(reply->readAll())->toObject().value(u"run_id"_s).toString());
        replayed += reply->rawHeader("Idempotent-Replayed") == "true";
        reply->deleteLater();
    }
    QCOMPARE(retries.size(), 1);
    QCOMPARE(replayed, 3);
    const QString retry = *retries.begin();
    QVERIFY2(waitForStatus(retry, u"success"_s, 30000), qPrintable(diagnostics()));
    // The retry's call carries the key of the run it was retried from: a receiver that applied
    // the first call recognises the second.
    QCOMPARE(m_receiver.keys().value((original + u":call"_s).toUtf8()), 2);
    QCOMPARE(m_receiver.keys().value((retry + u":call"_s).toUtf8()), 0);

    // Idempotency-Key: the same key answers the same retry, even once it is terminal.
    m_receiver.setAnswer("/flaky", {500, "{}", 0});
    const QString failing = trigger(workflow);
    QVERIFY2(waitForStatus(failing, u"failed"_s, 30000), qPrintable(diagnostics()));
    const QHash<QByteArray, QByteArray> key{{"Idempotency-Key", "retry-once"}};
    const HttpResult first = m_http->request("POST", u"/api/v1/runs/%1/retry"_s.arg(failing), {}, key);
    QCOMPARE(first.status, 200);
    const QString keyed = first.object().value(u"run_id"_s).toString();
    QVERIFY2(waitForStatus(keyed, u"failed"_s, 30000), qPrintable(diagnostics()));
    const HttpResult again = m_http->request("POST", u"/api/v1/runs/%1/retry"_s.arg(failing), {}, key);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.object().value(u"run_id"_s).toString(), keyed);
    QCOMPARE(again.headers.value("idempotent-replayed"), QByteArray("true"));
    // Without the key, a terminal retry does not stop a new one.
    const HttpResult fresh = m_http->request("POST", u"/api/v1/runs/%1/retry"_s.arg(failing));
    QCOMPARE(fresh.status, 200);
    QVERIFY(fresh.object().value(u"run_id"_s).toString() != keyed);
    QCOMPARE(m_http->request("POST", u"/api/v1/runs/%1/retry"_s.arg(failing), {}, {{"Idempotency-Key", "bad\x01key"}}).status, 400);
}

void TestFailures::pgbouncerFrozenWhileWebhooksAreInFlight()
{
    // Leases as long as the default: an 8 s stall of the database must not cost any run.
    killWorkers();
    QVERIFY2(startWorkers(2, 15).isEmpty(), "workers did not start");
    m_receiver.clear();
    m_receiver.setAnswer("/slow", {200, "{\"ok\":true}", 1500});
    const QString workflow = createWorkflow(QJsonArray{
            QJsonObject{{u"name"_s, u"call"_s},
                        {u"type"_s, u"webhook"_s},
                        {u"config"_s, QJsonObject{{u"url"_s, QString::fromUtf8(m_receiver.url("/slow"))}}}},
            QJsonObject{{u"name"_s, u"after"_s},
                        {u"type"_s, u"webhook"_s},
                        {u"config"_s, QJsonObject{{u"url"_s, QString::fromUtf8(m_receiver.url("/after"))}}}}});
    QStringList runs;
    for (int i = 0; i < 40; ++i)
        runs.append(trigger(workflow, {{u"n"_s, i}}));
    QVERIFY(!runs.contains(QString()));
    QVERIFY2(QTest::qWaitFor([&] { return m_receiver.count() >= 10; }, 30000), qPrintable(diagnostics()));
    const qint64 pgbouncer = m_cluster.pgbouncerPid();
    QVERIFY(wf::test::sendSignal(pgbouncer, SIGSTOP));
    QTest::qWait(8000); // the stall itself is the scenario
    QVERIFY(wf::test::sendSignal(pgbouncer, SIGCONT));
    const bool allDone = QTest::qWaitFor(
            [&] {
                return m_cluster.scalar(u"SELECT count(*) FROM workflow_runs WHERE status = 'success' AND uuid IN ('%1')"_s.arg(runs.join(u"','"_s)))
                        == QString::number(runs.size());
            },
            90000);
    QVERIFY2(allDone, qPrintable(diagnostics()));
    const QHash<QByteArray, int> keys = m_receiver.keys();
    int repeated = 0;
    for (const QString &run : std::as_const(runs)) {
        for (const char *step : {":call", ":after"}) {
            const int calls = keys.value(run.toUtf8() + step);
            QVERIFY2(calls >= 1, qPrintable(run + QString::fromLatin1(step)));
            repeated += calls - 1;
        }
    }
    QCOMPARE(repeated, 0);
}

QTEST_GUILESS_MAIN(TestFailures)

void TestFailures::aHungDatabaseGetsFastAnswersAndLosesNoRun()
{
    const QString workflow = createWorkflow(QJsonArray{QJsonObject{
            {u"name"_s, u"shape"_s}, {u"type"_s, u"transform"_s}, {u"config"_s, QJsonObject{{u"output"_s, u"${payload.n}"_s}}}}});
    QStringList accepted;
    for (int i = 0; i < 20; ++i)
        accepted.append(trigger(workflow, {{u"n"_s, i}}));
    QVERIFY(!accepted.contains(QString()));

    // Every PostgreSQL process stopped: connections stay open, nothing answers (PgBouncer included
    // would see nothing wrong).
    QVERIFY(m_cluster.signalPostgres(SIGSTOP));
    auto resume = qScopeGuard([this] { m_cluster.signalPostgres(SIGCONT); });
    QList<qint64> took;
    QList<int> statuses;
    QStringList acceptedDuringHang;
    QElapsedTimer clock;
    for (int i = 0; i < 25; ++i) {
        clock.restart();
        const HttpResult answer = i % 2 ? m_http->get(u"/api/v1/runs/"_s + accepted.at(i % accepted.size()))
                                        : m_http->postJson(u"/api/v1/trigger"_s,
                                                           QJsonObject{{u"workflow_id"_s, workflow}, {u"payload"_s, QJsonObject{{u"n"_s, 100 + i}}}});
        took.append(clock.elapsed());
        statuses.append(answer.status);
        if (answer.status == 200 && i % 2 == 0)
            acceptedDuringHang.append(answer.object().value(u"run_id"_s).toString());
        if (answer.status == 503)
            QVERIFY2(answer.detail().startsWith(u"database unavailable"_s), qPrintable(answer.detail()));
    }
    qInfo() << "answers while PostgreSQL hung, ms:" << took << "statuses:" << statuses;
    QCOMPARE(statuses.count(503), statuses.size());
    QVERIFY2(*std::max_element(took.begin(), took.end()) < 3000, "a request waited on the hung database");
    // Once three failed in a row the circuit is open: the rest are refused at once.
    QVERIFY2(std::all_of(took.end() - 10, took.end(), [](qint64 ms) { return ms < 500; }), "the circuit did not open");
    // Health says so too, quickly.
    clock.restart();
    QCOMPARE(m_http->get(u"/health/ready"_s).status, 503);
    QVERIFY(clock.elapsed() < 3000);
    QCOMPARE(m_http->get(u"/health"_s).status, 200);

    // Back: answers return by themselves, and every run that was accepted finishes.
    resume.dismiss();
    QVERIFY(m_cluster.signalPostgres(SIGCONT));
    QStringList afterwards;
    QVERIFY2(QTest::qWaitFor([&] {
                 const QString run = trigger(workflow, {{u"n"_s, 999}});
                 if (!run.isEmpty())
                     afterwards.append(run);
                 return !run.isEmpty();
             }, 20000),
             "the API did not recover");
    const QStringList all = accepted + acceptedDuringHang + afterwards;
    const bool finished = QTest::qWaitFor(
            [&] {
                return m_cluster.scalar(u"SELECT count(*) FROM workflow_runs WHERE status = 'success' AND uuid IN ('%1')"_s.arg(all.join(u"','"_s)))
                        == QString::number(all.size());
            },
            60000);
    QVERIFY2(finished, qPrintable(diagnostics()));
}

#include "tst_failures.moc"
