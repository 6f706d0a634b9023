// The execution pipeline end to end, every part a real process: PostgreSQL behind PgBouncer, the
// embedded broker, a wf-server and three wf-workers, and a local webhook receiver. Runs finish
// with resolved templates, exactly one webhook call each, and none is lost when a worker is
// killed or the broker goes away; cancel, retry and the dead-letter queue behave.
#include "httpclient.h"
#include "platformprocess.h"
#include "serverprocess.h"
#include "testcluster.h"
#include "webhookreceiver.h"

#include "core/json.h"
#include "kafka/kafkaconsumer.h"
#include "kafka/kafkaproducer.h"

#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;
using wf::test::HttpClient;
using wf::test::HttpResult;
using wf::test::PlatformProcess;

class TestExecution : public QObject
{
    Q_OBJECT

private:
    wf::test::TestCluster m_cluster;
    wf::test::BrokerProcess m_broker;
    wf::test::ServerProcess m_server;
    std::vector<std::unique_ptr<PlatformProcess>> m_workers;
    wf::test::WebhookReceiver m_receiver;
    std::unique_ptr<HttpClient> m_http;

    QProcessEnvironment environment(const QString &instance) const;
    QString startWorker(int index, const QProcessEnvironment &extra = {});
    QString createWorkflow(const QJsonArray &steps);
    QString trigger(const QString &workflowId, const QJsonObject &payload = {});
    QJsonObject run(const QString &runId);
    int countRuns(const QStringList &runIds, const QString &status);
    bool waitForStatus(const QStringList &runIds, const QString &status, int timeoutMs);
    QString diagnostics();
    // Everything on `topic` so far, read by a consumer of its own group.
    QList<wf::kafka::KafkaMessage> consumed(const QByteArray &topic);
    std::unique_ptr<wf::kafka::KafkaConsumer> m_observer;
    QHash<QByteArray, QList<wf::kafka::KafkaMessage>> m_observed;

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void exampleWorkflowRunsToSuccessWithResolvedTemplates();
    void threeHundredRunsMakeExactlyOneWebhookCallEach();
    void failingWebhookIsRetriedThenFailsTheRun();
    void unresolvableTemplateFailsNamingThePath();
    void cancelStopsARunningRunAndAbortsItsCall();
    void retryResumesAtTheFailedStep();
    void webhooksOutsideTheAllowListAreRefused();
    void poisonMessagesGoToTheDeadLetterQueue();
    void killedWorkerLosesNoRun();
    void brokerDownWhileTriggeringLosesNoRun();
    void aSaturatedWorkerStartsTheNextRunAtOnce();
};

QProcessEnvironment TestExecution::environment(const QString &instance) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"WF_DATABASE_URL"_s, m_cluster.databaseUrl());
    environment.insert(u"WF_KAFKA_BROKERS"_s, m_broker.bootstrap());
    environment.insert(u"WF_INSTANCE_ID"_s, instance);
    // The receivers of these tests listen on 127.0.0.1, and nothing else may be reached.
    environment.insert(u"WF_WEBHOOK_ALLOW"_s, u"127.0.0.1/32"_s);
    environment.insert(u"WF_WORKER_LEASE_SECONDS"_s, u"4"_s);
    environment.insert(u"WF_WORKER_REQUEUE_SECONDS"_s, u"6"_s);
    environment.insert(u"WF_KAFKA_SESSION_TIMEOUT_MS"_s, u"6000"_s);
    environment.insert(u"WF_DATABASE_CONNECTIONS"_s, u"3"_s);
    return environment;
}

QString TestExecution::startWorker(int index, const QProcessEnvironment &extra)
{
    auto worker = std::make_unique<PlatformProcess>(u"wf-worker"_s);
    QProcessEnvironment environment = this->environment(u"worker-%1"_s.arg(index));
    for (const QString &name : extra.keys())
        environment.insert(name, extra.value(name));
    const QString error = worker->start({}, environment);
    if (!error.isEmpty())
        return error;
    if (!worker->waitForOutput("consuming", 30000))
        return u"wf-worker did not start consuming: "_s + QString::fromUtf8(worker->output());
    m_workers.push_back(std::move(worker));
    return {};
}

QString TestExecution::createWorkflow(const QJsonArray &steps)
{
    const HttpResult created = m_http->postJson(u"/api/v1/workflows"_s,
                                                QJsonObject{{u"id"_s, u"test"_s}, {u"name"_s, u"test"_s}, {u"steps"_s, steps}});
    if (created.status != 200)
        qWarning() << "create failed" << created.status << created.body;
    return created.object().value(u"workflow_id"_s).toString();
}

QString TestExecution::trigger(const QString &workflowId, const QJsonObject &payload)
{
    const HttpResult triggered =
            m_http->postJson(u"/api/v1/trigger"_s, QJsonObject{{u"workflow_id"_s, workflowId}, {u"payload"_s, payload}});
    return triggered.status == 200 ? triggered.object().value(u"run_id"_s).toString() : QString();
}

QJsonObject TestExecution::run(const QString &runId)
{
    return m_http->get(u"/api/v1/runs/"_s + runId).object();
}

int TestExecution::countRuns(const QStringList &runIds, const QString &status)
{
    return m_cluster
            .scalar(u"SELECT count(*) FROM workflow_runs WHERE status = '%1' AND uuid IN ('%2')"_s.arg(status, runIds.join(u"','"_s)))
            .toInt();
}

bool TestExecution::waitForStatus(const QStringList &runIds, const QString &status, int timeoutMs)
{
    return QTest::qWaitFor([&] { return countRuns(runIds, status) == runIds.size(); }, timeoutMs);
}

QString TestExecution::diagnostics()
{
    QString text = m_cluster.scalar(u"SELECT string_agg(status || ': ' || n, ', ') FROM (SELECT status, count(*) n FROM"
                                    " workflow_runs GROUP BY status) s"_s);
    for (auto &worker : m_workers)
        text += u"\n--- worker ---\n"_s + QString::fromUtf8(worker->output().right(3000));
    return text;
}

QList<wf::kafka::KafkaMessage> TestExecution::consumed(const QByteArray &topic)
{
    if (!m_observer) {
        wf::kafka::KafkaSettings settings;
        settings.brokers = m_broker.bootstrap();
        settings.clientId = u"observer"_s;
        wf::kafka::KafkaConsumer::Options options;
        options.groupId = u"test-observer"_s;
        options.topics = {u"workflow.completed"_s, u"workflow.dlq"_s};
        options.sessionTimeoutMs = 6000;
        m_observer = std::make_unique<wf::kafka::KafkaConsumer>(settings, options);
        connect(m_observer.get(), &wf::kafka::KafkaConsumer::received, this, [this](const wf::kafka::KafkaMessage &message) {
            m_observed[message.topic].append(message);
            m_observer->done(message);
        });
        m_observer->start();
    }
    QCoreApplication::processEvents();
    return m_observed.value(topic);
}

void TestExecution::initTestCase()
{
    wf::test::TestCluster::Options options;
    options.pgbouncer = true;
    QString error = m_cluster.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = m_broker.start(3);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QProcessEnvironment serverEnvironment = environment(u"server-1"_s);
    error = m_server.start(m_cluster.databaseUrl(), serverEnvironment);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_http = std::make_unique<HttpClient>(m_server.url());
    for (int i = 1; i <= 3; ++i) {
        error = startWorker(i);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
}

void TestExecution::cleanupTestCase()
{
    if (m_observer)
        m_observer->close();
    for (auto &worker : m_workers)
        worker->stop();
    m_server.stop();
    m_broker.stop();
}

void TestExecution::exampleWorkflowRunsToSuccessWithResolvedTemplates()
{
    m_receiver.clear();
    const QString workflow = createWorkflow(QJsonArray{
            QJsonObject{{u"name"_s, u"wait"_s}, {u"type"_s, u"delay"_s}, {u"config"_s, QJsonObject{{u"duration"_s, 0.5}}}},
            QJsonObject{{u"name"_s, u"shape"_s},
                        {u"type"_s, u"transform"_s},
                        {u"config"_s,
                         QJsonObject{{u"output"_s, QJsonObject{{u"user"_s, u"${payload.user.id}"_s},
                                                              {u"greeting"_s, u"hello ${payload.user.name}"_s},
                                                              {u"waited"_s, u"${steps.wait.output.duration}"_s}}}}}},
            QJsonObject{{u"name"_s, u"notify"_s},
                        {u"type"_s, u"webhook"_s},
                        {u"config"_s, QJsonObject{{u"url"_s, QString::fromUtf8(m_receiver.url("/hook"))},
                                                  {u"body"_s, QJsonObject{{u"who"_s, u"${steps.shape.output.user}"_s},
                                                                          {u"run"_s, u"${run.id}"_s}}}}}}});
    QVERIFY(!workflow.isEmpty());
    const QString runId = trigger(workflow, {{u"user"_s, QJsonObject{{u"id"_s, 7}, {u"name"_s, u"ada"_s}}}});
    QVERIFY(!runId.isEmpty());
    // pending → running → success, watched through the API.
    QStringList seen;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QString status = run(runId).value(u"status"_s).toString();
                if (seen.isEmpty() || seen.last() != status)
                    seen.append(status);
                return status == u"success"_s;
            }(),
            30000);
    QVERIFY2(seen.contains(u"running"_s), qPrintable(seen.join(u','))); // the delay keeps it running for 0.5 s
    const QJsonObject finished = run(runId);
    QVERIFY(!finished.value(u"completed_at"_s).isNull());
    const QJsonObject steps = finished.value(u"step_results"_s).toObject();
    QCOMPARE(steps.value(u"wait"_s).toObject().value(u"status"_s).toString(), u"success"_s);
    const QJsonObject shaped = steps.value(u"shape"_s).toObject().value(u"output"_s).toObject();
    QCOMPARE(shaped.value(u"user"_s), QJsonValue(7));
    QCOMPARE(shaped.value(u"greeting"_s).toString(), u"hello ada"_s);
    QCOMPARE(shaped.value(u"waited"_s), QJsonValue(0.5));
    const QJsonObject notified = steps.value(u"notify"_s).toObject();
    QCOMPARE(notified.value(u"status"_s).toString(), u"success"_s);
    QCOMPARE(notified.value(u"attempts"_s).toInt(), 1);
    QCOMPARE(notified.value(u"output"_s).toObject().value(u"status_code"_s).toInt(), 200);
    // The receiver got the rendered body, the idempotency key and the trace of the trigger.
    const auto requests = m_receiver.requests();
    QCOMPARE(requests.size(), 1);
    const QJsonObject body = wf::json::parse(requests.first().body).value_or(QJsonValue()).toObject();
    QCOMPARE(body.value(u"who"_s), QJsonValue(7));
    QCOMPARE(body.value(u"run"_s).toString(), runId);
    QCOMPARE(requests.first().headers.value("idempotency-key"), (runId + u":notify"_s).toUtf8());
    QVERIFY(requests.first().headers.value("traceparent").startsWith("00-"));
    // workflow.completed reached Kafka, keyed by the run, with its status and trace.
    QList<wf::kafka::KafkaMessage> completed;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                completed = consumed("workflow.completed");
                return std::any_of(completed.begin(), completed.end(), [&](const auto &m) { return m.key == runId.toUtf8(); });
            }(),
            15000);
    for (const wf::kafka::KafkaMessage &message : std::as_const(completed)) {
        if (message.key != runId.toUtf8())
            continue;
        const QJsonObject event = wf::json::parse(message.value).value_or(QJsonValue()).toObject();
        QCOMPARE(event.value(u"status"_s).toString(), u"success"_s);
        QCOMPARE(event.value(u"workflow_id"_s).toString(), workflow);
        QVERIFY(message.header("traceparent").startsWith("00-"));
    }
    // Sent rows leave the outbox.
    QTRY_COMPARE_WITH_TIMEOUT(m_cluster.scalar(u"SELECT count(*) FROM outbox WHERE message_key = '%1'"_s.arg(runId)), u"0"_s, 10000);
}

void TestExecution::threeHundredRunsMakeExactlyOneWebhookCallEach()
{
    m_receiver.clear();
    const QString workflow = createWorkflow(QJsonArray{QJsonObject{
            {u"name"_s, u"call"_s},
            {u"type"_s, u"webhook"_s},
            {u"config"_s, QJsonObject{{u"url"_s, QString::fromUtf8(m_receiver.url("/bulk"))},
                                      {u"body"_s, QJsonObject{{u"n"_s, u"${payload.n}"_s}}}}}}});
    QStringList runs;
    for (int i = 0; i < 300; ++i)
        runs.append(trigger(workflow, {{u"n"_s, i}}));
    QVERIFY(!runs.contains(QString()));
    QVERIFY2(waitForStatus(runs, u"success"_s, 90000), qPrintable(diagnostics()));
    const auto keys = m_receiver.keys();
    int calls = 0;
    for (const QString &runId : std::as_const(runs)) {
        const int count = keys.value((runId + u":call"_s).toUtf8());
        QVERIFY2(count == 1, qPrintable(u"run %1 called the webhook %2 times"_s.arg(runId).arg(count)));
        calls += count;
    }
    QCOMPARE(calls, 300);
}

void TestExecution::failingWebhookIsRetriedThenFailsTheRun()
{
    m_receiver.clear();
    m_receiver.setAnswer("/broken", {503, "{\"error\":\"down\"}", 0});
    const QString workflow = createWorkflow(QJsonArray{QJsonObject{
            {u"name"_s, u"call"_s},
            {u"type"_s, u"webhook"_s},
            {u"config"_s, QJsonObject{{u"url"_s, QString::fromUtf8(m_receiver.url("/broken"))}}},
            {u"retry"_s, QJsonObject{{u"max_attempts"_s, 3}, {u"initial_backoff_ms"_s, 50}, {u"max_backoff_ms"_s, 200}}}}});
    const QString runId = trigger(workflow);
    QVERIFY2(waitForStatus({runId}, u"failed"_s, 30000), qPrintable(diagnostics()));
    const QJsonObject failed = run(runId);
    QVERIFY2(failed.value(u"error"_s).toString().contains(u"503"_s), qPrintable(failed.value(u"error"_s).toString()));
    const QJsonObject step = failed.value(u"step_results"_s).toObject().value(u"call"_s).toObject();
    QCOMPARE(step.value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(step.value(u"attempts"_s).toInt(), 3);
    QCOMPARE(m_receiver.keys().value((runId + u":call"_s).toUtf8()), 3);
}

void TestExecution::unresolvableTemplateFailsNamingThePath()
{
    const QString workflow = createWorkflow(QJsonArray{QJsonObject{
            {u"name"_s, u"shape"_s},
            {u"type"_s, u"transform"_s},
            {u"config"_s, QJsonObject{{u"output"_s, u"${payload.customer.email}"_s}}}}});
    const QString runId = trigger(workflow, {{u"customer"_s, QJsonObject{{u"name"_s, u"x"_s}}}});
    QVERIFY2(waitForStatus({runId}, u"failed"_s, 30000), qPrintable(diagnostics()));
    const QString error = run(runId).value(u"error"_s).toString();
    QVERIFY2(error.contains(u"payload.customer.email"_s) && error.contains(u"shape"_s), qPrintable(error));
}

void TestExecution::cancelStopsARunningRunAndAbortsItsCall()
{
    m_receiver.clear();
    m_receiver.setAnswer("/slow", {200, "{}", 20000});
    const QString workflow = createWorkflow(QJsonArray{
            QJsonObject{{u"name"_s, u"call"_s},
                        {u"type"_s, u"webhook"_s},
                        {u"config"_s, QJsonObject{{u"url"_s, QString::fromUtf8(m_receiver.url("/slow"))}}}},
            QJsonObject{{u"name"_s, u"after"_s}, {u"type"_s, u"log"_s}, {u"config"_s, QJsonObject{{u"message"_s, u"never"_s}}}}});
    const QString runId = trigger(workflow);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver.count(), 1, 30000); // the slow call is in flight
    QCOMPARE(run(runId).value(u"status"_s).toString(), u"running"_s);
    // The step shows as running, with when it started (the worker's marks, batched).
    QVERIFY(QTest::qWaitFor(
            [&] {
                const QJsonObject call = run(runId).value(u"step_results"_s).toObject().value(u"call"_s).toObject();
                return call.value(u"status"_s).toString() == u"running"_s && !call.value(u"started_at"_s).toString().isEmpty();
            },
            10000));
    const HttpResult cancelled = m_http->request("POST", u"/api/v1/runs/%1/cancel"_s.arg(runId));
    QCOMPARE(cancelled.status, 200);
    QCOMPARE(cancelled.object().value(u"status"_s).toString(), u"cancelled"_s);
    // The worker notices within a lease renewal, aborts the call and records it.
    QTRY_VERIFY_WITH_TIMEOUT(run(runId).value(u"step_results"_s).toObject().value(u"call"_s).toObject().value(u"error"_s).toString()
                                     == u"cancelled"_s,
                             10000);
    const QJsonObject after = run(runId);
    QCOMPARE(after.value(u"status"_s).toString(), u"cancelled"_s);
    QVERIFY(!after.value(u"step_results"_s).toObject().contains(u"after"_s));
    // Terminal runs cannot be cancelled; unknown runs are 404.
    QCOMPARE(m_http->request("POST", u"/api/v1/runs/%1/cancel"_s.arg(runId)).status, 409);
    QCOMPARE(m_http->request("POST", u"/api/v1/runs/0123456789abcdef0123456789abcdef/cancel"_s).status, 404);
    // A pending run can be cancelled before any worker touches it... and then is never executed.
    m_receiver.setAnswer("/slow", {200, "{}", 0});
}

void TestExecution::retryResumesAtTheFailedStep()
{
    m_receiver.clear();
    m_receiver.setAnswer("/flaky", {500, "{}", 0});
    const QString workflow = createWorkflow(QJsonArray{
            QJsonObject{{u"name"_s, u"first"_s},
                        {u"type"_s, u"webhook"_s},
                        {u"config"_s, QJsonObject{{u"url"_s, QString::fromUtf8(m_receiver.url("/first"))}}}},
            QJsonObject{{u"name"_s, u"second"_s},
                        {u"type"_s, u"webhook"_s},
                        {u"config"_s, QJsonObject{{u"url"_s, QString::fromUtf8(m_receiver.url("/flaky"))}}}},
            QJsonObject{{u"name"_s, u"third"_s},
                        {u"type"_s, u"transform"_s},
                        {u"config"_s, QJsonObject{{u"output"_s, u"${steps.first.output.status_code}"_s}}}}});
    const QString original = trigger(workflow, {{u"order"_s, 9}});
    QVERIFY2(waitForStatus({original}, u"failed"_s, 30000), qPrintable(diagnostics()));
    QCOMPARE(m_http->request("POST", u"/api/v1/runs/%1/retry"_s.arg(original + u"0"_s)).status, 404);

    m_receiver.setAnswer("/flaky", {200, "{}", 0});
    const HttpResult retried = m_http->request("POST", u"/api/v1/runs/%1/retry"_s.arg(original));
    QCOMPARE(retried.status, 200);
    const QString retry = retried.object().value(u"run_id"_s).toString();
    QVERIFY(!retry.isEmpty() && retry != original);
    QCOMPARE(retried.object().value(u"retry_of"_s).toString(), original);
    QVERIFY2(waitForStatus({retry}, u"success"_s, 30000), qPrintable(diagnostics()));
    const QJsonObject done = run(retry);
    QCOMPARE(done.value(u"retry_of"_s).toString(), original);
    QCOMPARE(done.value(u"payload"_s).toObject(), QJsonObject({{u"order"_s, 9}}));
    // "first" was not called again: its result was carried over.
    QCOMPARE(m_receiver.keys().value((original + u":first"_s).toUtf8()), 1);
    QCOMPARE(m_receiver.keys().value((retry + u":first"_s).toUtf8()), 0);
    // The retried call carries the key of the run the retry came from: the same as the first call.
    QCOMPARE(m_receiver.keys().value((original + u":second"_s).toUtf8()), 2);
    QCOMPARE(m_receiver.keys().value((retry + u":second"_s).toUtf8()), 0);
    QCOMPARE(done.value(u"step_results"_s).toObject().value(u"third"_s).toObject().value(u"output"_s), QJsonValue(200));
    // A successful run has nothing to retry.
    QCOMPARE(m_http->request("POST", u"/api/v1/runs/%1/retry"_s.arg(retry)).status, 409);
}

void TestExecution::webhooksOutsideTheAllowListAreRefused()
{
    // The workers run with WF_WEBHOOK_ALLOW=127.0.0.1/32. Each target below is this machine
    // (loopback or unspecified), so that a wrong policy would keep the traffic here.
    m_receiver.clear();
    const QByteArray port = QByteArray::number(m_receiver.port());
    m_receiver.setAnswer("/away", {302, "", 0, "http://127.0.0.2:" + port + "/hook"});
    const QStringList urls{u"http://127.0.0.2:%1/hook"_s, u"http://[::1]:%1/hook"_s, u"http://0.0.0.0:%1/hook"_s,
                           u"http://[::ffff:127.0.0.2]:%1/hook"_s, u"http://127.0.0.1:%1/away"_s};
    QStringList runs;
    for (const QString &url : urls) {
        const QString workflow = createWorkflow(QJsonArray{QJsonObject{
                {u"name"_s, u"call"_s},
                {u"type"_s, u"webhook"_s},
                {u"config"_s, QJsonObject{{u"url"_s, url.arg(m_receiver.port())}}},
                {u"retry"_s, QJsonObject{{u"max_attempts"_s, 3}, {u"initial_backoff_ms"_s, 10}}}}});
        runs.append(trigger(workflow));
    }
    QVERIFY2(waitForStatus(runs, u"failed"_s, 30000), qPrintable(diagnostics()));
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const QJsonObject step = run(runs.at(i)).value(u"step_results"_s).toObject().value(u"call"_s).toObject();
        const QString error = step.value(u"error"_s).toString();
        QVERIFY2(error.startsWith(u"refused: "_s) && error.contains(u"WF_WEBHOOK_ALLOW"_s), qPrintable(urls.at(i) + u": "_s + error));
        QCOMPARE(step.value(u"attempts"_s).toInt(), 1);
    }
    // Only the allowed first hop of the redirect arrived here.
    QCOMPARE(m_receiver.count(), 1);
    QCOMPARE(m_receiver.requests().first().path, QByteArray("/away"));
}

void TestExecution::poisonMessagesGoToTheDeadLetterQueue()
{
    wf::kafka::KafkaSettings settings;
    settings.brokers = m_broker.bootstrap();
    settings.clientId = u"poisoner"_s;
    wf::kafka::KafkaProducer producer(settings);
    QVERIFY(producer.start().ok());
    int delivered = 0;
    const QList<QByteArray> poison{"not json at all", "{\"run_id\": 42}",
                                   "{\"run_id\": \"0123456789abcdef0123456789abcdef\"}"};
    for (const QByteArray &value : poison)
        producer.produce({"workflow.trigger", "poison", value, {}}, [&](const wf::kafka::KafkaProducer::Delivery &delivery) { delivered += delivery.ok(); });
    QTRY_COMPARE_WITH_TIMEOUT(delivered, 3, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_cluster.scalar(u"SELECT count(*) FROM dead_letters"_s), u"3"_s, 20000);
    QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM dead_letters WHERE reason LIKE '%does not exist%'"_s), u"1"_s);
    QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM dead_letters WHERE reason LIKE '%not JSON%'"_s), u"1"_s);
    // Each reached workflow.dlq with its reason, and the consumers went on with normal work.
    QList<wf::kafka::KafkaMessage> letters;
    QTRY_COMPARE_WITH_TIMEOUT((letters = consumed("workflow.dlq")).size(), 3, 15000);
    QStringList reasons;
    for (const wf::kafka::KafkaMessage &letter : std::as_const(letters))
        reasons.append(QString::fromUtf8(letter.header("reason")));
    QVERIFY2(reasons.filter(u"does not exist"_s).size() == 1 && reasons.filter(u"not JSON"_s).size() == 1,
             qPrintable(reasons.join(u" | "_s)));
    const QString workflow = createWorkflow(QJsonArray{QJsonObject{
            {u"name"_s, u"note"_s}, {u"type"_s, u"log"_s}, {u"config"_s, QJsonObject{{u"message"_s, u"still alive"_s}}}}});
    const QString runId = trigger(workflow);
    QVERIFY2(waitForStatus({runId}, u"success"_s, 30000), qPrintable(diagnostics()));
}

void TestExecution::killedWorkerLosesNoRun()
{
    m_receiver.clear();
    const QString workflow = createWorkflow(QJsonArray{
            QJsonObject{{u"name"_s, u"wait"_s}, {u"type"_s, u"delay"_s}, {u"config"_s, QJsonObject{{u"duration"_s, 1}}}},
            QJsonObject{{u"name"_s, u"call"_s},
                        {u"type"_s, u"webhook"_s},
                        {u"config"_s, QJsonObject{{u"url"_s, QString::fromUtf8(m_receiver.url("/after-kill"))}}}}});
    QStringList runs;
    for (int i = 0; i < 150; ++i)
        runs.append(trigger(workflow, {{u"n"_s, i}}));
    // Once every worker holds runs, kill one without warning.
    QTRY_VERIFY_WITH_TIMEOUT(m_cluster.scalar(u"SELECT count(DISTINCT lease_owner) FROM workflow_runs WHERE status = 'running'"_s).toInt() == 3,
                             20000);
    const int victim = 0;
    const QString victimName = u"worker-1"_s;
    const int leased = m_cluster.scalar(u"SELECT count(*) FROM workflow_runs WHERE status = 'running' AND lease_owner = '%1'"_s.arg(victimName)).toInt();
    QVERIFY(leased > 0);
    m_workers[victim]->kill();
    qInfo("killed %s holding %d runs", qPrintable(victimName), leased);
    QVERIFY2(waitForStatus(runs, u"success"_s, 120000), qPrintable(diagnostics()));
    const auto keys = m_receiver.keys();
    for (const QString &runId : std::as_const(runs))
        QVERIFY(keys.value((runId + u":call"_s).toUtf8()) >= 1);
    // Another worker took over: the runs of the dead one were executed a second time.
    QVERIFY(m_cluster.scalar(u"SELECT count(*) FROM workflow_runs WHERE execution_attempts > 1 AND uuid IN ('%1')"_s.arg(runs.join(u"','"_s)))
                    .toInt()
            > 0);
    // Bring the group back to three for the next test.
    m_workers.erase(m_workers.begin() + victim);
    const QString error = startWorker(4);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestExecution::brokerDownWhileTriggeringLosesNoRun()
{
    const QString workflow = createWorkflow(QJsonArray{QJsonObject{
            {u"name"_s, u"shape"_s}, {u"type"_s, u"transform"_s}, {u"config"_s, QJsonObject{{u"output"_s, u"${payload.n}"_s}}}}});
    const int port = m_broker.port();
    m_broker.stop();
    QStringList runs;
    for (int i = 0; i < 50; ++i) {
        const QString runId = trigger(workflow, {{u"n"_s, i}});
        QVERIFY2(!runId.isEmpty(), "a trigger was refused while the broker was down");
        runs.append(runId);
    }
    QCOMPARE(countRuns(runs, u"pending"_s), 50);
    QVERIFY(m_broker.start(3, port).isEmpty());
    QVERIFY2(waitForStatus(runs, u"success"_s, 120000), qPrintable(diagnostics()));
}

// A worker at its concurrency pauses consumption; librdkafka 2.0 then fetches again only at its
// broker thread's next wake-up, up to a second after the resume. A worker that waited for that
// before its next run did 2 runs a second at a concurrency of 2 (40 runs took 18 s): the next
// messages must already be waiting in the worker when a slot frees.
void TestExecution::aSaturatedWorkerStartsTheNextRunAtOnce()
{
    for (auto &worker : m_workers)
        worker->stop();
    m_workers.clear();
    QProcessEnvironment narrow;
    narrow.insert(u"WF_WORKER_CONCURRENCY"_s, u"2"_s);
    const QString error = startWorker(5, narrow);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString workflow = createWorkflow(QJsonArray{QJsonObject{
            {u"name"_s, u"shape"_s}, {u"type"_s, u"transform"_s}, {u"config"_s, QJsonObject{{u"output"_s, u"${payload.n}"_s}}}}});
    // Once the group has its partitions (the first run ends), the rest at full speed.
    const QString first = trigger(workflow, {{u"n"_s, -1}});
    QVERIFY2(waitForStatus({first}, u"success"_s, 60000), qPrintable(diagnostics()));
    QElapsedTimer clock;
    clock.start();
    QStringList runs;
    for (int i = 0; i < 40; ++i)
        runs.append(trigger(workflow, {{u"n"_s, i}}));
    QVERIFY2(waitForStatus(runs, u"success"_s, 60000), qPrintable(diagnostics()));
    const qint64 elapsed = clock.elapsed();
    qInfo("40 one-step runs through one worker running 2 at a time: %lld ms", elapsed);
    QVERIFY2(elapsed < 8000, qPrintable(u"took %1 ms: the worker waits for Kafka between runs"_s.arg(elapsed)));
}

QTEST_GUILESS_MAIN(TestExecution)
#include "tst_execution.moc"
