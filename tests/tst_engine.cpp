#include "rawhttprequest.h"
#include "core/json.h"
#include "engine/httpclientpool.h"
#include "engine/runexecution.h"
#include "engine/stepattempt.h"
#include "engine/stepenvironment.h"
#include "steps/builtinsteps.h"
#include "steps/webhookattempt.h"
#include "workflow/stepresult.h"
#include "workflow/retrypolicy.h"
#include "engine/stepregistry.h"
#include "workflow/workflowdefinition.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace wf;

class HttpReceiver;

// The class is declared before any test data: moc does not understand raw string literals, and
// one with an unbalanced brace or a backslash before the declaration hides the class from it.
class TestEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void stepResultRoundTrip();
    void attemptReportsFromTheEventLoop();
    void abortedAttemptStaysSilent();

    void stepOutputs_data();
    void stepOutputs();
    void logStepWritesOneLine();
    void templates_data();
    void templates();
    void unresolvedTemplateFailsWithoutRetry();
    void unusableRenderedConfig_data();
    void unusableRenderedConfig();

    void webhookRequest_data();
    void webhookRequest();
    void webhookStatus_data();
    void webhookStatus();
    void webhookResponseData_data();
    void webhookResponseData();
    void webhookConnectionRefused();
    void addressesAreClassified_data();
    void addressesAreClassified();
    void theAllowListCoversOnlyItsRanges();
    void webhooksToRefusedAddressesFail_data();
    void webhooksToRefusedAddressesFail();
    void namesAreCheckedOnEveryAddressAndPinned();
    void redirectsAreFollowedOnlyToAllowedAddresses();
    void framingHeadersCannotBeSet();
    void anEndlessResponseIsCutAtTheLimit();

    void retryWithBackoff();
    void retriesExhausted();
    void timeoutAbortsSlowWebhook();
    void delayWithFractionalSeconds();

    void conditionSkipsSteps_data();
    void conditionSkipsSteps();
    void conditionExistsOnUnresolvablePath();

    void checkpointWaitsForProceed();
    void stopAfterCheckpoint();
    void cancelDuringSlowWebhook();
    void cancelBeforeAndDuringDelay();
    void cancelDuringBackoff();
    void resumeSkipsFinishedSteps();
    void ownerMayDeleteOnAnySignal_data();
    void ownerMayDeleteOnAnySignal();

    void manyConcurrentRuns();

    void dataThatDoublesFailsAtTheStepLimit();
    void runLimitCountsEveryStep();
    void outputWithoutTemplatesIsBounded();
    void delayResumesAtItsStoredDeadline();
    void webhookKeyStaysAcrossRetries();

private:
    std::unique_ptr<HttpReceiver> m_receiver;
    std::unique_ptr<HttpClientPool> m_pool;
};

namespace {

const StepRegistry &builtin()
{
    static const StepRegistry registry = wf::steps::builtinSteps();
    return registry;
}

// One request as the receiver read it.
struct Received
{
    QByteArray method;
    QByteArray path;                     // without the query
    QHash<QByteArray, QByteArray> headers; // names in lower case
    bool hasContentLength = false;
    QByteArray body;
    qint64 atMs = 0;                     // on the receiver's clock
};

// How the receiver answers one path.
struct Answer
{
    int status = 200;
    QByteArray body = "{\"ok\":true}";
    QByteArray contentType = "application/json";
    int delayMs = 0;
    int failFirst = 0; // answer 500 to this many requests first
    QByteArray location; // sent as Location (a redirect)
};

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

// A small HTTP/1.1 responder on loopback for the webhook steps: records every request and answers
// each path as told (status, body, delay, failing first). Keep-alive, Content-Length bodies only,
// which is what QNetworkAccessManager sends.
class HttpReceiver : public QObject
{
public:
    HttpReceiver()
    {
        m_clock.start();
        connect(&m_server, &QTcpServer::newConnection, this, &HttpReceiver::accept);
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString base() const { return u"http://127.0.0.1:"_s + QString::number(m_server.serverPort()); }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

    void answer(const QByteArray &path, const Answer &answer) { m_answers.insert(path, answer); }

    QList<Received> requests(const QByteArray &path = QByteArray()) const
    {
        QList<Received> selected;
        for (const Received &request : m_requests) {
            if (path.isEmpty() || request.path == path)
                selected.append(request);
        }
        return selected;
    }
    qsizetype count(const QByteArray &path = QByteArray()) const { return requests(path).size(); }
    int disconnects() const { return m_disconnects; }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                ++m_disconnects;
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        while (const std::optional<wf::test::RawHttpRequest> raw = wf::test::RawHttpRequest::take(buffer)) {
            Received request;
            request.method = raw->method;
            request.path = raw->route();
            request.headers = raw->headers;
            request.hasContentLength = raw->headers.contains("content-length");
            request.body = raw->body;
            request.atMs = m_clock.elapsed();
            m_requests.append(request);
            respond(socket, request);
        }
    }

    void respond(QTcpSocket *socket, const Received &request)
    {
        Answer answer = m_answers.value(request.path);
        int &served = m_served[request.path];
        if (served++ < answer.failFirst) {
            answer.status = 500;
            answer.body = "{\"detail\":\"failing on purpose\"}";
        }
        const bool head = request.method == "HEAD";
        const auto send = [socket, answer, head] {
            if (socket->state() != QAbstractSocket::ConnectedState)
                return;
            QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reasonPhrase(answer.status)
                    + "\r\nContent-Type: " + answer.contentType
                    + (answer.location.isEmpty() ? QByteArray() : "\r\nLocation: " + answer.location) + "\r\nContent-Length: "
                    + QByteArray::number(answer.body.size()) + "\r\n\r\n";
            if (!head)
                response += answer.body;
            socket->write(response);
        };
        if (answer.delayMs > 0)
            QTimer::singleShot(answer.delayMs, socket, send); // dropped if the client goes away first
        else
            send();
    }

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QByteArray, Answer> m_answers;
    QHash<QByteArray, int> m_served;
    QList<Received> m_requests;
    int m_disconnects = 0;
};

namespace {

QJsonValue parseJson(const QByteArray &text)
{
    const std::optional<QJsonValue> value = json::parse(text);
    if (!value)
        qFatal("test data is not JSON: %s", text.constData());
    return *value;
}

// A plan of the steps in `stepsText` (a JSON array, validated like a client's definition), with
// "%BASE%" standing for the receiver's address.
RunPlan makePlan(const QByteArray &stepsText, const QString &base, const QByteArray &payload = "{}",
                 const QString &runId = u"run1"_s)
{
    QByteArray steps = stepsText;
    steps.replace("%BASE%", base.toUtf8());
    const QByteArray definition = R"({"id": "w", "name": "W", "steps": )" + steps + '}';
    const Result<WorkflowDefinition> parsed = WorkflowDefinition::fromJson(parseJson(definition), builtin());
    if (!parsed)
        qFatal("test workflow is invalid: %s", qPrintable(parsed.error().detail()));
    RunPlan plan;
    plan.runId = runId;
    plan.workflowId = u"wf1"_s;
    plan.workflowVersion = 1;
    plan.payload = parseJson(payload).toObject();
    plan.steps = parsed->steps;
    return plan;
}

// What an owner that stores every checkpoint at once sees of one execution.
struct Observed
{
    QList<StepResult> started;
    QList<StepResult> checkpoints;
    std::optional<RunOutcome> outcome;
    int finishedCount = 0;
};

// Connects an owner that proceeds at every checkpoint (unless autoProceed is false).
void observe(RunExecution *execution, Observed *observed, bool autoProceed = true)
{
    QObject::connect(execution, &RunExecution::stepStarted, execution,
                     [observed](const StepResult &result) { observed->started.append(result); });
    QObject::connect(execution, &RunExecution::checkpoint, execution,
                     [execution, observed, autoProceed](const StepResult &result, const StepResults &) {
                         observed->checkpoints.append(result);
                         if (autoProceed)
                             execution->proceed();
                     });
    QObject::connect(execution, &RunExecution::finished, execution, [observed](const RunOutcome &outcome) {
        observed->outcome = outcome;
        ++observed->finishedCount;
    });
}

// Runs a plan to its end; nullopt when it did not end within timeoutMs.
std::optional<RunOutcome> runToEnd(const RunPlan &plan, HttpClientPool *pool, Observed *observed = nullptr,
                                   std::optional<double> jitter = std::nullopt, int timeoutMs = 15000)
{
    Observed local;
    Observed *target = observed ? observed : &local;
    RunExecution execution(plan, pool, builtin());
    execution.setFixedJitter(jitter);
    observe(&execution, target);
    execution.start();
    if (!QTest::qWaitFor([target] { return target->outcome.has_value(); }, timeoutMs))
        return std::nullopt;
    return target->outcome;
}

QJsonObject stepResult(const RunOutcome &outcome, const QString &name)
{
    return outcome.stepResults.value(name).toJson();
}

const QRegularExpression timestampPattern(uR"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$)"_s);

} // namespace

void TestEngine::initTestCase()
{
    // A proxy from the environment would swallow the loopback requests of these tests.
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
}

void TestEngine::init()
{
    m_receiver = std::make_unique<HttpReceiver>();
    QVERIFY(m_receiver->listen());
    // The receiver listens on 127.0.0.1; nothing else that is not public may be reached.
    m_pool = std::make_unique<HttpClientPool>(*EgressPolicy::parse(u"127.0.0.1/32"_s));
}

void TestEngine::cleanup()
{
    m_pool.reset();
    m_receiver.reset();
}

void TestEngine::stepResultRoundTrip()
{
    StepResult result;
    result.stepName = u"notify"_s;
    result.status = StepStatus::Failed;
    result.startedAtMicros = json::parseTimestamp(u"2026-01-02T03:04:05.123456Z"_s);
    result.completedAtMicros = json::parseTimestamp(u"2026-01-02T03:04:06.000001Z"_s);
    result.attempts = 3;
    result.error = u"HTTP 500"_s;
    const QJsonObject json = result.toJson();
    QCOMPARE(json, parseJson(R"({"step_name": "notify", "status": "failed", "started_at": "2026-01-02T03:04:05.123456Z",
        "completed_at": "2026-01-02T03:04:06.000001Z", "attempts": 3, "output": null, "error": "HTTP 500"})").toObject());
    const Result<StepResult> back = StepResult::fromJson(json);
    QVERIFY(back);
    QCOMPARE(back->toJson(), json);
    QVERIFY(!back->isDone());

    const Result<StepResult> skipped = StepResult::fromJson(parseJson(R"({"status": "skipped"})"));
    QVERIFY(skipped && skipped->isDone());
    QCOMPARE(skipped->toJson().value(u"started_at"_s), QJsonValue(QJsonValue::Null));
    QVERIFY(!StepResult::fromJson(parseJson(R"({"status": "done"})")));
    QVERIFY(!StepResult::fromJson(QJsonValue(u"success"_s)));
    QVERIFY(!StepResult::fromJson(parseJson(R"({"status": "success", "started_at": "yesterday"})")));
    // A running delay keeps its deadline; other states do not show one.
    StepResult waiting;
    waiting.stepName = u"wait"_s;
    waiting.status = StepStatus::Running;
    waiting.deadlineMicros = json::parseTimestamp(u"2026-01-02T03:04:35.000000Z"_s);
    QCOMPARE(waiting.toJson().value(u"deadline"_s).toString(), u"2026-01-02T03:04:35.000000Z"_s);
    QCOMPARE(StepResult::fromJson(waiting.toJson())->deadlineMicros, waiting.deadlineMicros);
    waiting.status = StepStatus::Success;
    QVERIFY(!waiting.toJson().contains(u"deadline"_s));
    QVERIFY(!stepResultsFromJson(parseJson(R"({"a": {"status": "bogus"}})").toObject()));
}

void TestEngine::attemptReportsFromTheEventLoop()
{
    const ExecutableStep *transform = builtin().find(u"transform"_s);
    QVERIFY(transform);
    StepDefinition step;
    step.name = u"t"_s;
    step.type = u"transform"_s;
    QObject parent;
    StepAttempt *attempt = transform->start(step, QJsonObject{{u"output"_s, 7}}, StepEnvironment(), &parent);
    QVERIFY(attempt);
    QCOMPARE(attempt->parent(), &parent);
    int reports = 0;
    std::optional<Result<QJsonValue>> reported;
    connect(attempt, &StepAttempt::finished, this, [&](const Result<QJsonValue> &output) {
        ++reports;
        reported = output;
    });
    QCOMPARE(reports, 0); // not from inside start()
    QTRY_COMPARE(reports, 1);
    QVERIFY(reported && reported->ok());
    QCOMPARE(reported->value(), QJsonValue(7));
    QVERIFY(attempt->isDone());
    QTest::qWait(20);
    QCOMPARE(reports, 1);
}

void TestEngine::abortedAttemptStaysSilent()
{
    const ExecutableStep *delay = builtin().find(u"delay"_s);
    const ExecutableStep *transform = builtin().find(u"transform"_s);
    StepDefinition step;
    step.name = u"d"_s;
    QObject parent;
    int reports = 0;

    StepAttempt *waiting = delay->start(step, QJsonObject{{u"duration"_s, 0.05}}, StepEnvironment(), &parent);
    connect(waiting, &StepAttempt::finished, this, [&reports] { ++reports; });
    waiting->abort();
    QVERIFY(waiting->isDone());
    QVERIFY(waiting->result() && !waiting->result()->ok());
    QCOMPARE(waiting->result()->error().detail(), u"cancelled"_s);

    // Aborted after its outcome was known but before it was reported: still silent.
    StepAttempt *immediate = transform->start(step, QJsonObject{{u"output"_s, 1}}, StepEnvironment(), &parent);
    connect(immediate, &StepAttempt::finished, this, [&reports] { ++reports; });
    immediate->abort();
    QCOMPARE(immediate->result()->error().detail(), u"cancelled"_s);

    QTest::qWait(150);
    QCOMPARE(reports, 0);
}

void TestEngine::stepOutputs_data()
{
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("step");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("delay") << QByteArray(R"([{"name": "wait", "type": "delay", "config": {"duration": 0.01}}])")
                           << QByteArray("{}") << u"wait"_s
                           << QByteArray(R"({"type": "delay", "duration": 0.01, "message": "Delayed for 0.01 seconds"})");
    QTest::addRow("delay from template")
            << QByteArray(R"([{"name": "wait", "type": "delay", "config": {"duration": "${payload.seconds}"}}])")
            << QByteArray(R"({"seconds": 0})") << u"wait"_s
            << QByteArray(R"({"type": "delay", "duration": 0, "message": "Delayed for 0 seconds"})");
    QTest::addRow("transform")
            << QByteArray(R"([{"name": "t", "type": "transform", "config": {"output": {"a": "${payload.x}", "b": [1, "x=${payload.x}"]}}}])")
            << QByteArray(R"({"x": 5})") << u"t"_s << QByteArray(R"({"a": 5, "b": [1, "x=5"]})");
    QTest::addRow("transform null") << QByteArray(R"([{"name": "t", "type": "transform", "config": {"output": null}}])")
                                    << QByteArray("{}") << u"t"_s << QByteArray("null");
    QTest::addRow("log") << QByteArray(R"([{"name": "say", "type": "log", "config": {"message": "hello ${payload.name}"}}])")
                         << QByteArray(R"({"name": "Ada"})") << u"say"_s
                         << QByteArray(R"({"type": "log", "message": "hello Ada"})");
    QTest::addRow("log of a whole value")
            << QByteArray(R"([{"name": "say", "type": "log", "config": {"message": "${payload.user}"}}])")
            << QByteArray(R"({"user": {"id": 1}})") << u"say"_s << QByteArray(R"({"type": "log", "message": {"id": 1}})");
    QTest::addRow("condition true")
            << QByteArray(R"([{"name": "check", "type": "condition", "config": {"left": "${payload.n}", "op": "gt", "right": 2, "skip": ["later"]}},
                              {"name": "later", "type": "transform", "config": {"output": 1}}])")
            << QByteArray(R"({"n": 3})") << u"check"_s
            << QByteArray(R"({"type": "condition", "result": true, "skipped": []})");
    QTest::addRow("condition false")
            << QByteArray(R"([{"name": "check", "type": "condition", "config": {"left": "${payload.n}", "op": "gt", "right": 2, "skip": ["later"]}},
                              {"name": "later", "type": "transform", "config": {"output": 1}}])")
            << QByteArray(R"({"n": 1})") << u"check"_s
            << QByteArray(R"({"type": "condition", "result": false, "skipped": ["later"]})");
    QTest::addRow("condition contains")
            << QByteArray(R"([{"name": "check", "type": "condition", "config": {"left": "${payload.tags}", "op": "contains", "right": "vip"}}])")
            << QByteArray(R"({"tags": ["new", "vip"]})") << u"check"_s
            << QByteArray(R"({"type": "condition", "result": true, "skipped": []})");
    QTest::addRow("webhook")
            << QByteArray(R"([{"name": "hook", "type": "webhook", "config": {"url": "%BASE%/json"}}])") << QByteArray("{}")
            << u"hook"_s
            << QByteArray(R"({"type": "webhook", "status_code": 200, "response_data": {"ok": true}, "url": "%BASE%/json", "method": "POST"})");
    QTest::addRow("webhook method upper case")
            << QByteArray(R"([{"name": "hook", "type": "webhook", "config": {"url": "%BASE%/json", "method": "put"}}])") << QByteArray("{}")
            << u"hook"_s
            << QByteArray(R"({"type": "webhook", "status_code": 200, "response_data": {"ok": true}, "url": "%BASE%/json", "method": "PUT"})");
}

void TestEngine::stepOutputs()
{
    QFETCH(QByteArray, steps);
    QFETCH(QByteArray, payload);
    QFETCH(QString, step);
    QFETCH(QByteArray, expected);

    const std::optional<RunOutcome> outcome = runToEnd(makePlan(steps, m_receiver->base(), payload), m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Success);
    QVERIFY(!outcome->error);
    const QJsonObject result = stepResult(*outcome, step);
    QCOMPARE(result.value(u"step_name"_s).toString(), step);
    QCOMPARE(result.value(u"status"_s).toString(), u"success"_s);
    QCOMPARE(result.value(u"attempts"_s).toInt(), 1);
    QCOMPARE(result.value(u"error"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(result.value(u"output"_s), parseJson(QByteArray(expected).replace("%BASE%", m_receiver->base().toUtf8())));
    QVERIFY2(timestampPattern.match(result.value(u"started_at"_s).toString()).hasMatch(),
             qPrintable(result.value(u"started_at"_s).toString()));
    QVERIFY(timestampPattern.match(result.value(u"completed_at"_s).toString()).hasMatch());
    QVERIFY(result.value(u"started_at"_s).toString() <= result.value(u"completed_at"_s).toString());
}

void TestEngine::logStepWritesOneLine()
{
    QTest::ignoreMessage(QtInfoMsg, "run run1 step say log: first line\\nsecond \\\\ line");
    const std::optional<RunOutcome> outcome = runToEnd(
            makePlan(R"([{"name": "say", "type": "log", "config": {"message": "first line\n${payload.rest}"}}])",
                     m_receiver->base(), R"({"rest": "second \\ line"})"),
            m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Success);
    QCOMPARE(stepResult(*outcome, u"say"_s).value(u"output"_s).toObject().value(u"message"_s).toString(),
             u"first line\nsecond \\ line"_s);
}

void TestEngine::templates_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QByteArray>("expected");

    // whole values keep their JSON type
    QTest::addRow("whole object") << QByteArray(R"("${steps.first.output.user}")")
                                  << QByteArray(R"({"id": 42, "tags": ["a", "b"]})");
    QTest::addRow("whole number") << QByteArray(R"("${steps.first.output.user.id}")") << QByteArray("42");
    QTest::addRow("whole fraction") << QByteArray(R"("${steps.first.output.ratio}")") << QByteArray("2.5");
    QTest::addRow("whole boolean") << QByteArray(R"("${payload.flag}")") << QByteArray("true");
    QTest::addRow("whole array") << QByteArray(R"("${steps.first.output.user.tags}")") << QByteArray(R"(["a", "b"])");
    QTest::addRow("whole payload") << QByteArray(R"("${payload}")")
                                   << QByteArray(R"({"flag": true, "order": {"items": [{"sku": "x1"}, {"sku": "x2"}]}})");
    // nested paths and array indexes
    QTest::addRow("array index") << QByteArray(R"("${steps.first.output.user.tags.1}")") << QByteArray(R"("b")");
    QTest::addRow("payload nested") << QByteArray(R"("${payload.order.items.1.sku}")") << QByteArray(R"("x2")");
    // interpolation
    QTest::addRow("interpolation")
            << QByteArray(R"j("user ${steps.first.output.user.id} has ${steps.first.output.ratio} (${steps.first.status})")j")
            << QByteArray(R"j("user 42 has 2.5 (success)")j");
    QTest::addRow("interpolated object") << QByteArray(R"("tags=${steps.first.output.user.tags}")")
                                         << QByteArray(R"("tags=[\"a\",\"b\"]")");
    QTest::addRow("run fields") << QByteArray(R"("${run.id}/${run.workflow_id}")") << QByteArray(R"("run1/wf1")");
    QTest::addRow("nested config") << QByteArray(R"({"a": ["${steps.first.output.user.id}", {"b": "${payload.flag}"}]})")
                                   << QByteArray(R"({"a": [42, {"b": true}]})");
    QTest::addRow("escape") << QByteArray(R"("$${payload.flag}")") << QByteArray(R"("${payload.flag}")");
}

void TestEngine::templates()
{
    QFETCH(QByteArray, output);
    QFETCH(QByteArray, expected);
    const QByteArray steps = R"([{"name": "first", "type": "transform", "config": {"output": {"user": {"id": 42, "tags": ["a", "b"]}, "ratio": 2.5}}},
        {"name": "second", "type": "transform", "config": {"output": )" + output + "}}]";
    const QByteArray payload = R"({"flag": true, "order": {"items": [{"sku": "x1"}, {"sku": "x2"}]}})";
    const std::optional<RunOutcome> outcome = runToEnd(makePlan(steps, m_receiver->base(), payload), m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Success);
    QCOMPARE(stepResult(*outcome, u"second"_s).value(u"output"_s), parseJson(expected));
}

void TestEngine::unresolvedTemplateFailsWithoutRetry()
{
    const RunPlan plan = makePlan(R"([{"name": "first", "type": "transform", "config": {"output": 1}},
        {"name": "notify", "type": "webhook", "config": {"url": "%BASE%/hook", "body": {"user": "${payload.user.id}"}},
         "retry": {"max_attempts": 3, "initial_backoff_ms": 10}}])",
                                  m_receiver->base(), R"({"name": "x"})");
    Observed observed;
    const std::optional<RunOutcome> outcome = runToEnd(plan, m_pool.get(), &observed);
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Failed);
    QCOMPARE(outcome->error.value_or(QString()),
             u"step 'notify': config.body.user: unresolved template ${payload.user.id}: payload has no 'user'"_s);
    const QJsonObject notify = stepResult(*outcome, u"notify"_s);
    QCOMPARE(notify.value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(notify.value(u"attempts"_s).toInt(), 0);
    QCOMPARE(notify.value(u"error"_s).toString(),
             u"config.body.user: unresolved template ${payload.user.id}: payload has no 'user'"_s);
    QCOMPARE(m_receiver->count(), 0);
    QCOMPARE(observed.started.size(), 0);
    // The first step was checkpointed; the failed one comes with finished() only.
    QCOMPARE(observed.checkpoints.size(), 1);
    QCOMPARE(observed.checkpoints.at(0).stepName, u"first"_s);
}

void TestEngine::unusableRenderedConfig_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("error");

    QTest::addRow("duration is text") << QByteArray(R"({"duration": "${payload.d}"})") << QByteArray(R"({"d": "2s"})")
                                      << u"delay"_s << u"config.duration must be a number"_s;
    QTest::addRow("duration is negative") << QByteArray(R"({"duration": "${payload.d}"})") << QByteArray(R"({"d": -1})")
                                          << u"delay"_s << u"config.duration must be a number"_s;
    QTest::addRow("url is not http") << QByteArray(R"({"url": "${payload.u}"})") << QByteArray(R"({"u": "ftp://x/y"})")
                                     << u"webhook"_s << u"config.url must be an http:// or https:// URL"_s;
    QTest::addRow("header with a line break")
            << QByteArray(R"({"url": "%BASE%/h", "headers": {"X-A": "${payload.h}"}})")
            << QByteArray(R"({"h": "a\r\nX-Evil: 1"})") << u"webhook"_s << u"config.headers.X-A must not contain line breaks"_s;
}

void TestEngine::unusableRenderedConfig()
{
    QFETCH(QByteArray, config);
    QFETCH(QByteArray, payload);
    QFETCH(QString, type);
    QFETCH(QString, error);
    const QByteArray steps = R"([{"name": "s", "type": ")" + type.toUtf8() + R"(", "config": )" + config
            + R"(, "retry": {"max_attempts": 3, "initial_backoff_ms": 10}}])";
    const std::optional<RunOutcome> outcome = runToEnd(makePlan(steps, m_receiver->base(), payload), m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Failed);
    QVERIFY2(outcome->error.value_or(QString()).startsWith(u"step 's': "_s + error), qPrintable(*outcome->error));
    // The same input would fail the same way: no retry.
    QCOMPARE(stepResult(*outcome, u"s"_s).value(u"attempts"_s).toInt(), 1);
    QCOMPARE(m_receiver->count(), 0);
}

void TestEngine::webhookRequest_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QByteArray>("traceparent");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("headers"); // JSON: expected value by lower-case name, null = absent

    const QByteArray trace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    QTest::addRow("json body")
            << QByteArray(R"({"url": "%BASE%/hook", "body": {"user": "${payload.user}", "n": [1, "${payload.n}"], "prev": "${steps.first.output}"}})")
            << trace << QByteArray("POST") << QByteArray(R"({"n":[1,2],"prev":{"k":"v"},"user":"ada"})")
            << QByteArray(R"({"content-type": "application/json", "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"})");
    QTest::addRow("text body") << QByteArray(R"({"url": "%BASE%/hook", "body": "hello ${payload.user} ✓"})") << QByteArray()
                               << QByteArray("POST") << QByteArray("hello ada \xe2\x9c\x93")
                               << QByteArray(R"({"content-type": "text/plain; charset=utf-8", "traceparent": null})");
    QTest::addRow("own headers")
            << QByteArray(R"({"url": "%BASE%/hook", "method": "put", "body": {"a": 1},
                             "headers": {"Content-Type": "application/vnd.test+json", "X-Run": "r-${run.id}", "Idempotency-Key": "mine"}})")
            << trace << QByteArray("PUT") << QByteArray(R"({"a":1})")
            << QByteArray(R"({"content-type": "application/vnd.test+json", "x-run": "r-run1"})");
    QTest::addRow("get without body") << QByteArray(R"({"url": "%BASE%/hook?q=1", "method": "GET"})") << QByteArray()
                                      << QByteArray("GET") << QByteArray() << QByteArray(R"({"content-type": null})");
    QTest::addRow("post without body") << QByteArray(R"({"url": "%BASE%/hook"})") << QByteArray() << QByteArray("POST")
                                       << QByteArray() << QByteArray(R"({"content-type": null, "content-length": "0"})");
    QTest::addRow("delete") << QByteArray(R"({"url": "%BASE%/hook", "method": "DELETE"})") << QByteArray()
                            << QByteArray("DELETE") << QByteArray() << QByteArray("{}");
    QTest::addRow("head") << QByteArray(R"({"url": "%BASE%/hook", "method": "HEAD"})") << QByteArray() << QByteArray("HEAD")
                          << QByteArray() << QByteArray("{}");
}

void TestEngine::webhookRequest()
{
    QFETCH(QByteArray, config);
    QFETCH(QByteArray, traceparent);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, headers);

    const QByteArray steps = R"([{"name": "first", "type": "transform", "config": {"output": {"k": "v"}}},
        {"name": "notify", "type": "webhook", "config": )" + config + "}]";
    RunPlan plan = makePlan(steps, m_receiver->base(), R"({"user": "ada", "n": 2})");
    plan.traceparent = traceparent;
    const std::optional<RunOutcome> outcome = runToEnd(plan, m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Success);

    const QList<Received> received = m_receiver->requests("/hook");
    QCOMPARE(received.size(), 1);
    const Received &request = received.constFirst();
    QCOMPARE(request.method, method);
    QCOMPARE(request.body, body);
    QCOMPARE(request.headers.value("idempotency-key"), QByteArray("run1:notify"));
    const QJsonObject expected = parseJson(headers).toObject();
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        const QByteArray name = it.key().toUtf8();
        if (it.value().isNull())
            QVERIFY2(!request.headers.contains(name), name.constData());
        else
            QCOMPARE(request.headers.value(name), it.value().toString().toUtf8());
    }
}

void TestEngine::webhookStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expectStatus"); // JSON, empty for none
    QTest::addColumn<bool>("accepted");

    QTest::addRow("201 is 2xx") << 201 << QByteArray() << true;
    QTest::addRow("500 fails") << 500 << QByteArray() << false;
    QTest::addRow("404 fails") << 404 << QByteArray() << false;
    QTest::addRow("404 expected") << 404 << QByteArray("404") << true;
    QTest::addRow("404 in the list") << 404 << QByteArray("[200, 404]") << true;
    QTest::addRow("200 not expected") << 200 << QByteArray("[201, 202]") << false;
}

void TestEngine::webhookStatus()
{
    QFETCH(int, status);
    QFETCH(QByteArray, expectStatus);
    QFETCH(bool, accepted);

    m_receiver->answer("/hook", Answer{status, "database on fire, please stand by", "text/plain", 0, 0});
    QByteArray config = R"({"url": "%BASE%/hook")";
    if (!expectStatus.isEmpty())
        config += R"(, "expect_status": )" + expectStatus;
    config += '}';
    const std::optional<RunOutcome> outcome = runToEnd(
            makePlan(R"([{"name": "notify", "type": "webhook", "config": )" + config + "}]", m_receiver->base()),
            m_pool.get());
    QVERIFY(outcome);
    const QJsonObject result = stepResult(*outcome, u"notify"_s);
    if (accepted) {
        QCOMPARE(outcome->ending, RunOutcome::Ending::Success);
        QCOMPARE(result.value(u"output"_s).toObject().value(u"status_code"_s).toInt(), status);
        QCOMPARE(result.value(u"output"_s).toObject().value(u"response_data"_s).toString(),
                 u"database on fire, please stand by"_s);
    } else {
        QCOMPARE(outcome->ending, RunOutcome::Ending::Failed);
        const QString error = result.value(u"error"_s).toString();
        QVERIFY2(error.startsWith(u"HTTP "_s + QString::number(status)), qPrintable(error));
        QVERIFY2(error.contains(u"database on fire"_s), qPrintable(error));
        QCOMPARE(outcome->error.value_or(QString()), u"step 'notify': "_s + error);
        QCOMPARE(result.value(u"output"_s), QJsonValue(QJsonValue::Null));
    }
}

void TestEngine::webhookResponseData_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QJsonValue>("expected");

    QTest::addRow("object") << QByteArray(R"({"id": 7, "tags": ["a"]})") << parseJson(R"({"id": 7, "tags": ["a"]})");
    QTest::addRow("array") << QByteArray("[1, 2]") << parseJson("[1, 2]");
    QTest::addRow("scalar JSON") << QByteArray("42") << QJsonValue(42);
    QTest::addRow("text") << QByteArray("accepted, thanks") << QJsonValue(u"accepted, thanks"_s);
    QTest::addRow("broken JSON") << QByteArray(R"({"id": )") << QJsonValue(u"{\"id\": "_s);
    QTest::addRow("empty") << QByteArray() << QJsonValue(u""_s);
    QTest::addRow("NUL in JSON") << QByteArray(R"({"a": "x\u0000y"})") << QJsonValue(u"{\"a\": \"x\\u0000y\"}"_s);
    QTest::addRow("NUL in text") << QByteArray("a\0b", 3) << QJsonValue(u"a\uFFFDb"_s);

    const QByteArray large(100 * 1024, 'x');
    QTest::addRow("long text is cut") << large << QJsonValue(QString(65536, u'x'));
    // "é" is two bytes; placed across the 64 KiB boundary it is dropped whole.
    const QByteArray straddling = QByteArray(65535, 'a') + "\xc3\xa9" + QByteArray(100, 'b');
    QTest::addRow("cut at a character boundary") << straddling << QJsonValue(QString(65535, u'a'));
    const QByteArray fits = QByteArray(65534, 'a') + "\xc3\xa9" + QByteArray(100, 'b');
    QTest::addRow("character that fits is kept") << fits << QJsonValue(QString(65534, u'a') + u"é"_s);
    // Large JSON is kept whole.
    QByteArray bigJson = "[";
    for (int i = 0; i < 20000; ++i)
        bigJson += (i ? "," : "") + QByteArray::number(i);
    bigJson += ']';
    QTest::addRow("large JSON") << bigJson << parseJson(bigJson);
}

void TestEngine::webhookResponseData()
{
    QFETCH(QByteArray, body);
    QFETCH(QJsonValue, expected);

    m_receiver->answer("/hook", Answer{200, body, "application/octet-stream", 0, 0});
    const std::optional<RunOutcome> outcome = runToEnd(
            makePlan(R"([{"name": "notify", "type": "webhook", "config": {"url": "%BASE%/hook"}}])", m_receiver->base()),
            m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Success);
    const QJsonValue data = stepResult(*outcome, u"notify"_s).value(u"output"_s).toObject().value(u"response_data"_s);
    QCOMPARE(data.type(), expected.type());
    QVERIFY(data == expected);
    if (data.isString())
        QVERIFY(data.toString().toUtf8().size() <= WebhookAttempt::maxTextBytes);
}

void TestEngine::webhookConnectionRefused()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const QString base = u"http://127.0.0.1:"_s + QString::number(closed.serverPort());
    closed.close();
    const std::optional<RunOutcome> outcome = runToEnd(
            makePlan(R"([{"name": "notify", "type": "webhook", "config": {"url": "%BASE%/hook"},
                         "retry": {"max_attempts": 2, "initial_backoff_ms": 10}}])",
                     base),
            m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Failed);
    const QJsonObject result = stepResult(*outcome, u"notify"_s);
    QVERIFY2(result.value(u"error"_s).toString().contains(u"refused"_s, Qt::CaseInsensitive),
             qPrintable(result.value(u"error"_s).toString()));
    QCOMPARE(result.value(u"attempts"_s).toInt(), 2); // a connection error may pass: it is retried
}

void TestEngine::addressesAreClassified_data()
{
    using Kind = EgressPolicy::Kind;
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("kind");
    const QList<std::pair<QString, Kind>> table{
            {u"10.0.0.1"_s, Kind::Private},          {u"172.16.0.1"_s, Kind::Private},
            {u"172.31.255.255"_s, Kind::Private},    {u"192.168.1.1"_s, Kind::Private},
            {u"169.254.169.254"_s, Kind::LinkLocal}, {u"fd00::1"_s, Kind::UniqueLocal},
            {u"fc00::1"_s, Kind::UniqueLocal},       {u"::ffff:10.0.0.1"_s, Kind::Private},
            {u"::ffff:127.0.0.2"_s, Kind::Loopback}, {u"0.0.0.0"_s, Kind::Unspecified},
            {u"::"_s, Kind::Unspecified},            {u"127.0.0.1"_s, Kind::Loopback},
            {u"127.255.0.9"_s, Kind::Loopback},      {u"::1"_s, Kind::Loopback},
            {u"fe80::1"_s, Kind::LinkLocal},         {u"100.64.0.1"_s, Kind::SharedNat},
            {u"100.100.100.200"_s, Kind::SharedNat}, {u"224.0.0.1"_s, Kind::Multicast},
            {u"ff02::1"_s, Kind::Multicast},         {u"255.255.255.255"_s, Kind::Reserved},
            {u"192.0.2.1"_s, Kind::Reserved},        {u"2001:db8::1"_s, Kind::Reserved},
            {u"64:ff9b::a00:1"_s, Kind::Private},    {u"2002:a9fe:a9fe::1"_s, Kind::LinkLocal},
            {u"::10.0.0.1"_s, Kind::Private},        {u"8.8.8.8"_s, Kind::Public},
            {u"172.32.0.1"_s, Kind::Public},         {u"2606:4700::1111"_s, Kind::Public},
    };
    for (const auto &[address, kind] : table)
        QTest::addRow("%s", qPrintable(address)) << address << int(kind);
}

void TestEngine::addressesAreClassified()
{
    // Pure classification: nothing here connects anywhere.
    QFETCH(QString, address);
    QFETCH(int, kind);
    const QHostAddress parsed(address);
    QVERIFY(!parsed.isNull());
    QCOMPARE(int(EgressPolicy::classify(parsed)), kind);
}

void TestEngine::theAllowListCoversOnlyItsRanges()
{
    // Addresses as data for the pure check only: nothing in this test connects to any of them
    // (the tests that fetch use 127.0.0.0/8 and ::1 alone).
    const EgressPolicy none = *EgressPolicy::parse(QString());
    QVERIFY(!none.check(QHostAddress(u"127.0.0.1"_s)).ok());
    QVERIFY(none.check(QHostAddress(u"8.8.8.8"_s)).ok()); // judged only, never contacted
    const Status metadata = none.check(QHostAddress(u"169.254.169.254"_s));
    QVERIFY(!metadata.ok());
    QVERIFY2(metadata.error().detail().contains(u"link-local"_s) && metadata.error().detail().contains(u"WF_WEBHOOK_ALLOW"_s),
             qPrintable(metadata.error().detail()));

    const EgressPolicy local = *EgressPolicy::parse(u"127.0.0.1/32"_s);
    QVERIFY(local.check(QHostAddress(u"127.0.0.1"_s)).ok());
    QVERIFY(local.check(QHostAddress(u"::ffff:127.0.0.1"_s)).ok());
    QVERIFY(!local.check(QHostAddress(u"127.0.0.2"_s)).ok());
    QVERIFY(!local.check(QHostAddress(u"::1"_s)).ok());
    QVERIFY(!local.check(QHostAddress(u"::ffff:127.0.0.2"_s)).ok());

    const EgressPolicy lab = *EgressPolicy::parse(u" 10.1.0.0/16 , ::1,192.168.7.7"_s);
    QCOMPARE(lab.allowList(), u"10.1.0.0/16,::1/128,192.168.7.7/32"_s);
    QVERIFY(lab.check(QHostAddress(u"10.1.2.3"_s)).ok());
    QVERIFY(!lab.check(QHostAddress(u"10.2.0.1"_s)).ok());
    QVERIFY(lab.check(QHostAddress(u"192.168.7.7"_s)).ok());
    QVERIFY(!lab.check(QHostAddress(u"192.168.7.8"_s)).ok());
    // A range in either IPv4 form covers the address in either form (found writing fuzz_egress).
    const EgressPolicy mappedRange = *EgressPolicy::parse(u"::ffff:10.9.0.0/112"_s);
    QVERIFY(mappedRange.check(QHostAddress(u"10.9.1.2"_s)).ok());
    QVERIFY(mappedRange.check(QHostAddress(u"::ffff:10.9.1.2"_s)).ok());
    QVERIFY(!mappedRange.check(QHostAddress(u"10.8.1.2"_s)).ok());
    QVERIFY(lab.check(QHostAddress(u"::ffff:10.1.2.3"_s)).ok());
    for (const QString &bad : {u"abc"_s, u"10.0.0.0/33"_s, u"10.0.0.0/"_s, u"::1/129"_s})
        QVERIFY2(!EgressPolicy::parse(bad).ok(), qPrintable(bad));
}

void TestEngine::webhooksToRefusedAddressesFail_data()
{
    // Every one of these is this machine (loopback or unspecified): were the policy wrong, the
    // request would stay on it.
    QTest::addColumn<QString>("host");
    QTest::addRow("127.0.0.2") << u"127.0.0.2"_s;
    QTest::addRow("::1") << u"[::1]"_s;
    QTest::addRow("0.0.0.0") << u"0.0.0.0"_s;
    QTest::addRow("::ffff:127.0.0.2") << u"[::ffff:127.0.0.2]"_s;
    QTest::addRow("127.0.2 shorthand") << u"127.0.2"_s; // 127.0.0.2
}

void TestEngine::webhooksToRefusedAddressesFail()
{
    QFETCH(QString, host);
    const QString base = u"http://"_s + host + u':' + m_receiver->base().section(u':', -1);
    const std::optional<RunOutcome> outcome = runToEnd(
            makePlan(R"([{"name": "notify", "type": "webhook", "config": {"url": "%BASE%/hook"},
                         "retry": {"max_attempts": 3, "initial_backoff_ms": 10}}])",
                     base),
            m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Failed);
    const QJsonObject result = stepResult(*outcome, u"notify"_s);
    const QString error = result.value(u"error"_s).toString();
    QVERIFY2(error.startsWith(u"refused: "_s) && error.contains(u"WF_WEBHOOK_ALLOW"_s), qPrintable(error));
    QCOMPARE(result.value(u"attempts"_s).toInt(), 1); // a refusal is not retried
    QCOMPARE(m_receiver->count(), 0);
}

void TestEngine::namesAreCheckedOnEveryAddressAndPinned()
{
    const QString port = m_receiver->base().section(u':', -1);
    QStringList asked;
    m_pool->setResolver([&asked](const QString &host, QObject *context, auto done) {
        asked.append(host);
        QList<QHostAddress> addresses;
        if (host == u"receiver.test"_s)
            addresses = {QHostAddress(u"127.0.0.1"_s)};
        else if (host == u"rebound.test"_s)
            addresses = {QHostAddress(u"127.0.0.1"_s), QHostAddress(u"127.0.0.2"_s)};
        else if (host == u"refused.test"_s)
            addresses = {QHostAddress(u"127.0.0.2"_s)}; // loopback too: a wrong policy stays on this machine
        QMetaObject::invokeMethod(context, [done, addresses] {
            done(addresses, addresses.isEmpty() ? u"Host not found"_s : QString());
        }, Qt::QueuedConnection);
    });
    const auto run = [&](const QString &host) {
        return runToEnd(makePlan(R"([{"name": "notify", "type": "webhook", "config": {"url": "%BASE%/hook"}}])",
                                 u"http://"_s + host + u':' + port),
                        m_pool.get());
    };
    // Allowed: connected to the address that was checked, with the name as Host.
    std::optional<RunOutcome> outcome = run(u"receiver.test"_s);
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Success);
    QCOMPARE(m_receiver->count("/hook"), 1);
    QCOMPARE(m_receiver->requests("/hook").first().headers.value("host"), (u"receiver.test:"_s + port).toLatin1());
    QCOMPARE(stepResult(*outcome, u"notify"_s)["output"_L1]["url"_L1].toString(), u"http://receiver.test:%1/hook"_s.arg(port));
    // One refused address among several refuses the name; so does one that is refused alone.
    for (const QString &host : {u"rebound.test"_s, u"refused.test"_s}) {
        outcome = run(host);
        QVERIFY(outcome);
        QCOMPARE(outcome->ending, RunOutcome::Ending::Failed);
        const QString error = stepResult(*outcome, u"notify"_s).value(u"error"_s).toString();
        QVERIFY2(error.startsWith(u"refused: "_s + host + u" resolves to "_s), qPrintable(error));
    }
    outcome = run(u"nowhere.test"_s);
    QVERIFY(outcome);
    QVERIFY(stepResult(*outcome, u"notify"_s).value(u"error"_s).toString().contains(u"cannot resolve nowhere.test"_s));
    QCOMPARE(m_receiver->count("/hook"), 1);
    QVERIFY(asked.contains(u"rebound.test"_s) && asked.contains(u"refused.test"_s));
}

void TestEngine::redirectsAreFollowedOnlyToAllowedAddresses()
{
    const QString port = m_receiver->base().section(u':', -1);
    m_receiver->answer("/moved", Answer{307, "", "text/plain", 0, 0, m_receiver->base().toLatin1() + "/hook"});
    m_receiver->answer("/away", Answer{302, "", "text/plain", 0, 0, "http://127.0.0.2:" + port.toLatin1() + "/hook"});
    m_receiver->answer("/loop", Answer{302, "", "text/plain", 0, 0, "/loop"});
    const auto run = [&](const QByteArray &path, const QByteArray &method) {
        return runToEnd(makePlan(R"([{"name": "notify", "type": "webhook", "config": {"url": "%BASE%)" + path
                                         + R"(", "method": ")" + method + R"(", "body": {"a": 1}}}])",
                                 m_receiver->base()),
                        m_pool.get());
    };
    // To an allowed place: followed, a 307 keeping the method and the body.
    std::optional<RunOutcome> outcome = run("/moved", "PUT");
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Success);
    QCOMPARE(m_receiver->count("/hook"), 1);
    QCOMPARE(m_receiver->requests("/hook").first().method, QByteArray("PUT"));
    QCOMPARE(m_receiver->requests("/hook").first().body, QByteArray(R"({"a":1})"));
    // From the allowed receiver to 127.0.0.2: refused before any connection is made there.
    outcome = run("/away", "POST");
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Failed);
    const QString error = stepResult(*outcome, u"notify"_s).value(u"error"_s).toString();
    QVERIFY2(error.startsWith(u"refused: 127.0.0.2, a loopback address"_s), qPrintable(error));
    QCOMPARE(m_receiver->count("/hook"), 1);
    // Endless: given up after 5 redirects.
    outcome = run("/loop", "GET");
    QVERIFY(outcome);
    QVERIFY(stepResult(*outcome, u"notify"_s).value(u"error"_s).toString().contains(u"more than 5 redirects"_s));
    QCOMPARE(m_receiver->count("/loop"), 6 * 1); // the first call and 5 redirects (no retry policy)
}

void TestEngine::framingHeadersCannotBeSet()
{
    // In the definition: refused when it is saved.
    for (const char *name : {"Host", "content-length", "Transfer-Encoding", "Connection"}) {
        const QByteArray steps = R"([{"name": "notify", "type": "webhook", "config": {"url": "http://127.0.0.1/h", "headers": {")"
                + QByteArray(name) + R"(": "x"}}}])";
        const auto definition = WorkflowDefinition::fromJson(parseJson(R"({"name": "w", "steps": )" + steps + "}"), builtin());
        QVERIFY2(!definition.ok(), name);
        QVERIFY2(definition.error().detail().contains(u"set by the HTTP client"_s), qPrintable(definition.error().detail()));
    }
    // From a template: a line break in a rendered value fails the step; nothing is sent.
    const std::optional<RunOutcome> outcome = runToEnd(
            makePlan(R"([{"name": "notify", "type": "webhook",
                         "config": {"url": "%BASE%/hook", "headers": {"X-Note": "${payload.note}"}}}])",
                     m_receiver->base(), R"({"note": "a\r\nHost: elsewhere"})"),
            m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Failed);
    QVERIFY(stepResult(*outcome, u"notify"_s).value(u"error"_s).toString().contains(u"line breaks"_s));
    QCOMPARE(m_receiver->count(), 0);
}

void TestEngine::anEndlessResponseIsCutAtTheLimit()
{
    // A server that never stops sending: the step ends when the limit is reached, not at its timeout.
    QTcpServer endless;
    QVERIFY(endless.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> clients;
    QTimer pump;
    connect(&endless, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = endless.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket, &clients] {
            socket->readAll();
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
            clients.append(socket); // the body follows the head
        });
    });
    const QByteArray chunk = QByteArray::number(64 * 1024, 16) + "\r\n" + QByteArray(64 * 1024, 'z') + "\r\n";
    connect(&pump, &QTimer::timeout, this, [&] {
        for (QTcpSocket *socket : std::as_const(clients)) {
            if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < 1024 * 1024)
                socket->write(chunk);
        }
    });
    pump.start(1);
    QElapsedTimer clock;
    clock.start();
    const std::optional<RunOutcome> outcome = runToEnd(
            makePlan(R"([{"name": "notify", "type": "webhook", "config": {"url": "%BASE%/stream"}, "timeout_ms": 20000}])",
                     u"http://127.0.0.1:"_s + QString::number(endless.serverPort())),
            m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Success);
    const QString data = stepResult(*outcome, u"notify"_s)["output"_L1]["response_data"_L1].toString();
    QCOMPARE(data, QString(WebhookAttempt::maxTextBytes, u'z'));
    QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
}

void TestEngine::retryWithBackoff()
{
    m_receiver->answer("/flaky", Answer{200, R"({"done":true})", "application/json", 0, 2});
    const RunPlan plan = makePlan(R"([{"name": "notify", "type": "webhook", "config": {"url": "%BASE%/flaky"},
        "retry": {"max_attempts": 3, "initial_backoff_ms": 200, "multiplier": 2.0, "max_backoff_ms": 5000}}])",
                                  m_receiver->base());
    const double jitter = 0.5;
    const RetryPolicy &policy = *plan.steps.at(0).retry;
    const int firstBackoff = policy.backoffMs(1, jitter);
    const int secondBackoff = policy.backoffMs(2, jitter);
    QCOMPARE(firstBackoff, 150);
    QCOMPARE(secondBackoff, 300);

    QElapsedTimer clock;
    clock.start();
    const std::optional<RunOutcome> outcome = runToEnd(plan, m_pool.get(), nullptr, jitter);
    const qint64 elapsed = clock.elapsed();
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Success);
    const QJsonObject result = stepResult(*outcome, u"notify"_s);
    QCOMPARE(result.value(u"attempts"_s).toInt(), 3);
    QCOMPARE(result.value(u"output"_s).toObject().value(u"response_data"_s), parseJson(R"({"done":true})"));

    const QList<Received> received = m_receiver->requests("/flaky");
    QCOMPARE(received.size(), 3);
    for (const Received &request : received)
        QCOMPARE(request.headers.value("idempotency-key"), QByteArray("run1:notify")); // the same key every time
    const qint64 firstGap = received.at(1).atMs - received.at(0).atMs;
    const qint64 secondGap = received.at(2).atMs - received.at(1).atMs;
    // A millisecond of slack for the two clocks' rounding; generous upper bounds for busy machines.
    QVERIFY2(firstGap >= firstBackoff - 1 && firstGap < firstBackoff + 1500, qPrintable(QString::number(firstGap)));
    QVERIFY2(secondGap >= secondBackoff - 1 && secondGap < secondBackoff + 1500, qPrintable(QString::number(secondGap)));
    QVERIFY2(elapsed >= firstBackoff + secondBackoff && elapsed < 5000, qPrintable(QString::number(elapsed)));
}

void TestEngine::retriesExhausted()
{
    m_receiver->answer("/down", Answer{503, "maintenance", "text/plain", 0, 0});
    const std::optional<RunOutcome> outcome = runToEnd(
            makePlan(R"([{"name": "notify", "type": "webhook", "config": {"url": "%BASE%/down"},
                         "retry": {"max_attempts": 2, "initial_backoff_ms": 10}},
                        {"name": "after", "type": "webhook", "config": {"url": "%BASE%/after"}}])",
                     m_receiver->base()),
            m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Failed);
    QVERIFY2(outcome->error.value_or(QString()).startsWith(u"step 'notify': HTTP 503"_s), qPrintable(*outcome->error));
    QCOMPARE(stepResult(*outcome, u"notify"_s).value(u"attempts"_s).toInt(), 2);
    QCOMPARE(m_receiver->count("/down"), 2);
    QCOMPARE(m_receiver->count("/after"), 0);
    QVERIFY(!outcome->stepResults.contains(u"after"_s));
}

void TestEngine::timeoutAbortsSlowWebhook()
{
    m_receiver->answer("/slow", Answer{200, "{}", "application/json", 5000, 0});
    QElapsedTimer clock;
    clock.start();
    const std::optional<RunOutcome> outcome = runToEnd(
            makePlan(R"([{"name": "notify", "type": "webhook", "config": {"url": "%BASE%/slow"}, "timeout_ms": 200,
                         "retry": {"max_attempts": 2, "initial_backoff_ms": 50}}])",
                     m_receiver->base()),
            m_pool.get());
    const qint64 elapsed = clock.elapsed();
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Failed);
    const QJsonObject result = stepResult(*outcome, u"notify"_s);
    QCOMPARE(result.value(u"error"_s).toString(), u"timed out after 200 ms"_s);
    QCOMPARE(result.value(u"attempts"_s).toInt(), 2);
    QCOMPARE(m_receiver->count("/slow"), 2);
    QVERIFY2(elapsed >= 2 * 200 && elapsed < 3000, qPrintable(QString::number(elapsed)));
    // The aborted requests closed their connections: the server does not go on waiting for them.
    QTRY_COMPARE(m_receiver->disconnects(), 2);
}

void TestEngine::delayWithFractionalSeconds()
{
    Observed observed;
    QElapsedTimer clock;
    clock.start();
    const std::optional<RunOutcome> outcome = runToEnd(
            makePlan(R"([{"name": "wait", "type": "delay", "config": {"duration": 0.25}}])", m_receiver->base()),
            m_pool.get(), &observed);
    const qint64 elapsed = clock.elapsed();
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Success);
    QVERIFY2(elapsed >= 250 && elapsed < 2000, qPrintable(QString::number(elapsed)));
    QCOMPARE(stepResult(*outcome, u"wait"_s).value(u"output"_s), parseJson(R"({"type": "delay", "duration": 0.25, "message": "Delayed for 0.25 seconds"})"));
    QCOMPARE(observed.started.size(), 1);
    QCOMPARE(observed.started.at(0).stepName, u"wait"_s);
    QCOMPARE(observed.started.at(0).status, StepStatus::Running);
    QVERIFY(observed.started.at(0).startedAtMicros);
    QVERIFY(!observed.started.at(0).completedAtMicros);
    // The deadline is stored with the running state, so that a takeover waits only for the rest.
    QVERIFY(observed.started.at(0).deadlineMicros);
    QCOMPARE(*observed.started.at(0).deadlineMicros - *observed.started.at(0).startedAtMicros, qint64(250000));
}

void TestEngine::conditionSkipsSteps_data()
{
    QTest::addColumn<bool>("vip");
    QTest::addRow("false skips") << false;
    QTest::addRow("true runs all") << true;
}

void TestEngine::conditionSkipsSteps()
{
    QFETCH(bool, vip);
    const RunPlan plan = makePlan(R"([{"name": "check", "type": "condition", "config": {"left": "${payload.vip}", "op": "eq", "right": true, "skip": ["notify", "note"]}},
        {"name": "notify", "type": "webhook", "config": {"url": "%BASE%/notify"}},
        {"name": "note", "type": "log", "config": {"message": "vip"}},
        {"name": "after", "type": "transform", "config": {"output": "${steps.notify.status}"}}])",
                                  m_receiver->base(), vip ? R"({"vip": true})" : R"({"vip": false})");
    Observed observed;
    const std::optional<RunOutcome> outcome = runToEnd(plan, m_pool.get(), &observed);
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Success);
    QCOMPARE(stepResult(*outcome, u"after"_s).value(u"output"_s).toString(), vip ? u"success"_s : u"skipped"_s);
    if (vip) {
        QCOMPARE(m_receiver->count("/notify"), 1);
        return;
    }
    QCOMPARE(m_receiver->count("/notify"), 0);
    for (const QString &name : {u"notify"_s, u"note"_s}) {
        const QJsonObject skipped = stepResult(*outcome, name);
        QCOMPARE(skipped.value(u"status"_s).toString(), u"skipped"_s);
        QCOMPARE(skipped.value(u"output"_s), QJsonValue(QJsonValue::Null));
        QCOMPARE(skipped.value(u"attempts"_s).toInt(), 0);
        QVERIFY(timestampPattern.match(skipped.value(u"completed_at"_s).toString()).hasMatch());
    }
    // The checkpoint after the condition already carries the skipped steps.
    QCOMPARE(observed.checkpoints.size(), 1);
    QCOMPARE(observed.checkpoints.at(0).stepName, u"check"_s);
    QVERIFY(observed.started.isEmpty());
}

void TestEngine::conditionExistsOnUnresolvablePath()
{
    const std::optional<RunOutcome> exists = runToEnd(
            makePlan(R"([{"name": "check", "type": "condition", "config": {"left": "${payload.maybe.x}", "op": "exists", "skip": ["later"]}},
                        {"name": "later", "type": "webhook", "config": {"url": "%BASE%/later"}}])",
                     m_receiver->base()),
            m_pool.get());
    QVERIFY(exists);
    QCOMPARE(exists->ending, RunOutcome::Ending::Success);
    QCOMPARE(stepResult(*exists, u"check"_s).value(u"output"_s),
             parseJson(R"({"type": "condition", "result": false, "skipped": ["later"]})"));
    QCOMPARE(stepResult(*exists, u"later"_s).value(u"status"_s).toString(), u"skipped"_s);
    QCOMPARE(m_receiver->count(), 0);

    // Any other operator needs the value: an unresolvable reference is the step's error.
    const std::optional<RunOutcome> equals = runToEnd(
            makePlan(R"([{"name": "check", "type": "condition", "config": {"left": "${payload.maybe.x}", "op": "eq", "right": 1}}])",
                     m_receiver->base()),
            m_pool.get());
    QVERIFY(equals);
    QCOMPARE(equals->ending, RunOutcome::Ending::Failed);
    QCOMPARE(*equals->error, u"step 'check': config.left: unresolved template ${payload.maybe.x}: payload has no 'maybe'"_s);
}

void TestEngine::checkpointWaitsForProceed()
{
    RunExecution execution(makePlan(R"([{"name": "a", "type": "transform", "config": {"output": {"v": 1}}},
        {"name": "b", "type": "webhook", "config": {"url": "%BASE%/b", "body": "${steps.a.output}"}},
        {"name": "c", "type": "transform", "config": {"output": "${steps.b.output.status_code}"}}])",
                                     m_receiver->base()),
                           m_pool.get(), builtin());
    Observed observed;
    QList<StepResults> allResults;
    observe(&execution, &observed, false);
    connect(&execution, &RunExecution::checkpoint, this,
            [&allResults](const StepResult &, const StepResults &changed) { allResults.append(changed); });

    execution.start();
    QCOMPARE(observed.checkpoints.size(), 0); // nothing from inside start()
    QTRY_COMPARE(observed.checkpoints.size(), 1);
    QCOMPARE(observed.checkpoints.at(0).stepName, u"a"_s);
    QCOMPARE(observed.checkpoints.at(0).status, StepStatus::Success);
    QCOMPARE(observed.checkpoints.at(0).output, parseJson(R"({"v": 1})"));
    QCOMPARE(allResults.at(0).keys(), QStringList{u"a"_s});
    QVERIFY(execution.isWaitingForProceed());

    // Until the owner says it stored the checkpoint, nothing more happens.
    QTest::qWait(200);
    QCOMPARE(observed.started.size(), 0);
    QCOMPARE(m_receiver->count(), 0);
    QCOMPARE(observed.checkpoints.size(), 1);

    execution.proceed();
    execution.proceed(); // a second call changes nothing
    QCOMPARE(observed.started.size(), 0); // nothing from inside proceed()
    QTRY_COMPARE(observed.checkpoints.size(), 2);
    QCOMPARE(observed.started.size(), 1);
    QCOMPARE(observed.started.at(0).stepName, u"b"_s);
    QCOMPARE(observed.checkpoints.at(1).stepName, u"b"_s);
    QCOMPARE(m_receiver->count("/b"), 1);
    QCOMPARE(m_receiver->requests("/b").at(0).body, QByteArray(R"({"v":1})"));
    QCOMPARE(allResults.at(1).keys(), QStringList{u"b"_s}); // only what changed
    QCOMPARE(execution.stepResults().keys(), (QStringList{u"a"_s, u"b"_s}));

    QTest::qWait(100);
    QCOMPARE(observed.finishedCount, 0);
    execution.proceed();
    QTRY_COMPARE(observed.finishedCount, 1);
    // The last step's result comes with finished(), without a checkpoint of its own.
    QCOMPARE(observed.checkpoints.size(), 2);
    QCOMPARE(observed.outcome->ending, RunOutcome::Ending::Success);
    QCOMPARE(observed.outcome->stepResults.keys(), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(stepResult(*observed.outcome, u"c"_s).value(u"output"_s), QJsonValue(200));
    QVERIFY(execution.isFinished());
    QTest::qWait(50);
    QCOMPARE(observed.finishedCount, 1);
}

void TestEngine::stopAfterCheckpoint()
{
    RunExecution execution(makePlan(R"([{"name": "a", "type": "transform", "config": {"output": 1}},
        {"name": "b", "type": "webhook", "config": {"url": "%BASE%/b"}}])",
                                     m_receiver->base()),
                           m_pool.get(), builtin());
    Observed observed;
    observe(&execution, &observed, false);
    execution.start();
    QTRY_COMPARE(observed.checkpoints.size(), 1);
    execution.stop();
    QCOMPARE(observed.finishedCount, 0); // nothing from inside stop()
    QTRY_COMPARE(observed.finishedCount, 1);
    QCOMPARE(observed.outcome->ending, RunOutcome::Ending::Stopped);
    QVERIFY(!observed.outcome->error);
    QCOMPARE(observed.outcome->stepResults.keys(), QStringList{u"a"_s});
    execution.proceed(); // too late: ignored
    QTest::qWait(100);
    QCOMPARE(m_receiver->count(), 0);
    QCOMPARE(observed.finishedCount, 1);
}

void TestEngine::cancelDuringSlowWebhook()
{
    m_receiver->answer("/slow", Answer{200, "{}", "application/json", 10000, 0});
    RunExecution execution(makePlan(R"([{"name": "slow", "type": "webhook", "config": {"url": "%BASE%/slow"}, "timeout_ms": 20000},
        {"name": "after", "type": "transform", "config": {"output": 1}}])",
                                     m_receiver->base()),
                           m_pool.get(), builtin());
    Observed observed;
    observe(&execution, &observed);
    execution.start();
    QTRY_COMPARE(m_receiver->count("/slow"), 1);
    QCOMPARE(observed.started.size(), 1);

    QElapsedTimer clock;
    clock.start();
    execution.cancel();
    QCOMPARE(observed.finishedCount, 0); // nothing from inside cancel()
    QTRY_COMPARE_WITH_TIMEOUT(observed.finishedCount, 1, 1000);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(observed.outcome->ending, RunOutcome::Ending::Cancelled);
    const QJsonObject slow = stepResult(*observed.outcome, u"slow"_s);
    QCOMPARE(slow.value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(slow.value(u"error"_s).toString(), u"cancelled"_s);
    QCOMPARE(slow.value(u"attempts"_s).toInt(), 1);
    QVERIFY(!observed.outcome->stepResults.contains(u"after"_s));
    // The request was really aborted: its connection is closed.
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->disconnects(), 1, 2000);
    execution.cancel();
    QTest::qWait(50);
    QCOMPARE(observed.finishedCount, 1);
}

void TestEngine::cancelBeforeAndDuringDelay()
{
    const RunPlan plan = makePlan(R"([{"name": "wait", "type": "delay", "config": {"duration": 10}},
        {"name": "hook", "type": "webhook", "config": {"url": "%BASE%/hook"}}])",
                                  m_receiver->base());
    {
        RunExecution execution(plan, m_pool.get(), builtin());
        Observed observed;
        observe(&execution, &observed);
        execution.start();
        execution.cancel(); // before the first step was reached
        QTRY_COMPARE(observed.finishedCount, 1);
        QCOMPARE(observed.outcome->ending, RunOutcome::Ending::Cancelled);
        QVERIFY(observed.outcome->stepResults.isEmpty());
        QVERIFY(observed.started.isEmpty());
    }
    {
        RunExecution execution(plan, m_pool.get(), builtin());
        Observed observed;
        observe(&execution, &observed);
        execution.start();
        QTRY_COMPARE(observed.started.size(), 1);
        QElapsedTimer clock;
        clock.start();
        execution.cancel();
        QTRY_COMPARE(observed.finishedCount, 1);
        QVERIFY(clock.elapsed() < 1000);
        QCOMPARE(observed.outcome->ending, RunOutcome::Ending::Cancelled);
        QCOMPARE(stepResult(*observed.outcome, u"wait"_s).value(u"error"_s).toString(), u"cancelled"_s);
    }
    QCOMPARE(m_receiver->count(), 0);
}

void TestEngine::cancelDuringBackoff()
{
    m_receiver->answer("/down", Answer{503, "maintenance", "text/plain", 0, 0});
    RunExecution execution(makePlan(R"([{"name": "notify", "type": "webhook", "config": {"url": "%BASE%/down"},
        "retry": {"max_attempts": 3, "initial_backoff_ms": 20000, "max_backoff_ms": 20000}}])",
                                     m_receiver->base()),
                           m_pool.get(), builtin());
    Observed observed;
    observe(&execution, &observed);
    execution.start();
    QTRY_COMPARE(m_receiver->count("/down"), 1);
    // Give the client time to read the 503 and start waiting; cancelling the attempt itself ends
    // the same way, so this wait only makes the back-off path the likely one.
    QTest::qWait(100);
    QElapsedTimer clock;
    clock.start();
    execution.cancel();
    QTRY_COMPARE(observed.finishedCount, 1);
    QVERIFY(clock.elapsed() < 1000);
    QCOMPARE(observed.outcome->ending, RunOutcome::Ending::Cancelled);
    const QJsonObject notify = stepResult(*observed.outcome, u"notify"_s);
    QCOMPARE(notify.value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(notify.value(u"error"_s).toString(), u"cancelled"_s);
    QCOMPARE(notify.value(u"attempts"_s).toInt(), 1);
    QCOMPARE(m_receiver->count("/down"), 1);
}

void TestEngine::resumeSkipsFinishedSteps()
{
    RunPlan plan = makePlan(R"([{"name": "a", "type": "webhook", "config": {"url": "%BASE%/a"}},
        {"name": "b", "type": "webhook", "config": {"url": "%BASE%/b", "body": {"prev": "${steps.a.output.response_data.token}"}}},
        {"name": "c", "type": "webhook", "config": {"url": "%BASE%/c"}},
        {"name": "d", "type": "transform", "config": {"output": ["${steps.c.status}", "${steps.b.output.status_code}"]}}])",
                            m_receiver->base());
    const QJsonObject storedA = parseJson(R"({"step_name": "a", "status": "success", "started_at": "2026-01-01T00:00:00.000001Z",
        "completed_at": "2026-01-01T00:00:01.000001Z", "attempts": 1,
        "output": {"type": "webhook", "status_code": 200, "response_data": {"token": "t-1"}}, "error": null})").toObject();
    plan.stepResults = *stepResultsFromJson(QJsonObject{
            {u"a"_s, storedA},
            {u"b"_s, parseJson(R"({"step_name": "b", "status": "failed", "attempts": 3, "output": null, "error": "HTTP 500"})")},
            {u"c"_s, parseJson(R"({"step_name": "c", "status": "skipped", "attempts": 0, "output": null, "error": null})")},
    });
    Observed observed;
    const std::optional<RunOutcome> outcome = runToEnd(plan, m_pool.get(), &observed);
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Success);
    QCOMPARE(m_receiver->count("/a"), 0);
    QCOMPARE(m_receiver->count("/c"), 0);
    QCOMPARE(m_receiver->count("/b"), 1);
    QCOMPARE(m_receiver->requests("/b").at(0).body, QByteArray(R"({"prev":"t-1"})"));
    QCOMPARE(stepResult(*outcome, u"a"_s), storedA);
    QCOMPARE(stepResult(*outcome, u"b"_s).value(u"status"_s).toString(), u"success"_s);
    QCOMPARE(stepResult(*outcome, u"b"_s).value(u"attempts"_s).toInt(), 1);
    QCOMPARE(stepResult(*outcome, u"d"_s).value(u"output"_s), parseJson(R"(["skipped", 200])"));
    QCOMPARE(observed.started.size(), 1);
    QCOMPARE(observed.started.at(0).stepName, u"b"_s);
}

void TestEngine::ownerMayDeleteOnAnySignal_data()
{
    QTest::addColumn<QString>("signal");
    QTest::addRow("stepStarted") << u"stepStarted"_s;
    QTest::addRow("checkpoint") << u"checkpoint"_s;
    QTest::addRow("finished") << u"finished"_s;
}

void TestEngine::ownerMayDeleteOnAnySignal()
{
    QFETCH(QString, signal);
    auto *execution = new RunExecution(makePlan(R"([{"name": "a", "type": "webhook", "config": {"url": "%BASE%/a"}},
        {"name": "b", "type": "webhook", "config": {"url": "%BASE%/b"}}])",
                                                m_receiver->base()),
                                       m_pool.get(), builtin());
    QPointer<RunExecution> guard(execution);
    // Deleted right inside the slot, the hardest case for the emitter.
    if (signal == u"stepStarted"_s)
        connect(execution, &RunExecution::stepStarted, this, [execution] { delete execution; });
    else if (signal == u"checkpoint"_s)
        connect(execution, &RunExecution::checkpoint, this, [execution] { delete execution; });
    else
        connect(execution, &RunExecution::checkpoint, execution, &RunExecution::proceed);
    connect(execution, &RunExecution::finished, this, [execution] { delete execution; });
    execution->start();
    QTRY_VERIFY(guard.isNull());
    QTest::qWait(200);
    QCOMPARE(m_receiver->count("/a"), signal == u"stepStarted"_s ? 0 : 1);
    QCOMPARE(m_receiver->count("/b"), signal == u"finished"_s ? 1 : 0);
}

void TestEngine::manyConcurrentRuns()
{
    constexpr int runs = 200;
    const QByteArray steps = R"([{"name": "wait", "type": "delay", "config": {"duration": 0.05}},
        {"name": "notify", "type": "webhook", "config": {"url": "%BASE%/many", "body": {"run": "${run.id}"}}}])";
    std::vector<std::unique_ptr<RunExecution>> executions;
    QList<std::shared_ptr<Observed>> observed;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < runs; ++i) {
        const RunPlan plan = makePlan(steps, m_receiver->base(), "{}", u"run-"_s + QString::number(i));
        executions.push_back(std::make_unique<RunExecution>(plan, m_pool.get(), builtin()));
        observed.append(std::make_shared<Observed>());
        observe(executions.back().get(), observed.back().get());
        executions.back()->start();
    }
    const auto finished = [&observed] {
        return std::count_if(observed.cbegin(), observed.cend(), [](const auto &o) { return o->outcome.has_value(); });
    };
    QTRY_COMPARE_WITH_TIMEOUT(finished(), qsizetype(runs), 60000);
    qInfo("%d runs of delay + webhook in %lld ms", runs, clock.elapsed());

    for (const auto &o : std::as_const(observed)) {
        QCOMPARE(o->outcome->ending, RunOutcome::Ending::Success);
        QCOMPARE(o->finishedCount, 1);
        QCOMPARE(o->checkpoints.size(), 1);
    }
    const QList<Received> received = m_receiver->requests("/many");
    QCOMPARE(received.size(), runs);
    QSet<QByteArray> keys;
    for (const Received &request : received) {
        keys.insert(request.headers.value("idempotency-key"));
        const QByteArray run = parseJson(request.body).toObject().value(u"run"_s).toString().toUtf8();
        QCOMPARE(request.headers.value("idempotency-key"), run + ":notify");
    }
    QCOMPARE(keys.size(), runs);
}

QTEST_GUILESS_MAIN(TestEngine)
void TestEngine::dataThatDoublesFailsAtTheStepLimit()
{
    // 27 steps, each [prev, prev]: 1 KiB doubles to 128 GiB unless the render stops at the limit.
    QByteArray steps = R"([{"name": "s0", "type": "transform", "config": {"output": "${payload.blob}"}})";
    for (int i = 1; i <= 27; ++i)
        steps += QByteArray(R"(, {"name": "s%1", "type": "transform", "config": {"output": ["${steps.s%2.output}", "${steps.s%2.output}"]}})")
                         .replace("%1", QByteArray::number(i))
                         .replace("%2", QByteArray::number(i - 1));
    steps += ']';
    const QByteArray payload = R"({"blob": ")" + QByteArray(1024, 'x') + R"("})";
    QElapsedTimer clock;
    clock.start();
    const std::optional<RunOutcome> outcome = runToEnd(makePlan(steps, m_receiver->base(), payload), m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Failed);
    // 1 KiB * 2^10 passes 1 MiB: s10 is the first step over the limit.
    QVERIFY2(outcome->error->startsWith(u"step 's10': config.output"_s), qPrintable(*outcome->error));
    QVERIFY2(outcome->error->contains(u"1048576 bytes, the limit of one step (WF_RUN_MAX_STEP_OUTPUT_BYTES)"_s),
             qPrintable(*outcome->error));
    QCOMPARE(stepResult(*outcome, u"s9"_s).value(u"status"_s).toString(), u"success"_s);
    QVERIFY(!outcome->stepResults.contains(u"s11"_s));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
}

void TestEngine::runLimitCountsEveryStep()
{
    RunPlan plan = makePlan(R"([{"name": "a", "type": "transform", "config": {"output": "${payload.blob}"}},
        {"name": "b", "type": "transform", "config": {"output": "${payload.blob}"}},
        {"name": "c", "type": "transform", "config": {"output": "${payload.blob}"}}])",
                            m_receiver->base(), R"({"blob": ")" + QByteArray(2000, 'y') + R"("})");
    plan.limits.maxStepOutputBytes = 3000;
    plan.limits.maxRunBytes = 5000;
    const std::optional<RunOutcome> outcome = runToEnd(plan, m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Failed);
    QVERIFY2(outcome->error->startsWith(u"step 'c': "_s), qPrintable(*outcome->error));
    QVERIFY2(outcome->error->contains(u"5000 bytes, the limit of one run (WF_RUN_MAX_BYTES)"_s), qPrintable(*outcome->error));

    // Outputs stored by an earlier execution count as well.
    RunPlan resumed = plan;
    resumed.stepResults = StepResults{{u"a"_s, outcome->stepResults.value(u"a"_s)}, {u"b"_s, outcome->stepResults.value(u"b"_s)}};
    const std::optional<RunOutcome> again = runToEnd(resumed, m_pool.get());
    QVERIFY(again);
    QCOMPARE(again->ending, RunOutcome::Ending::Failed);
    QVERIFY(again->error->contains(u"WF_RUN_MAX_BYTES"_s));
}

void TestEngine::outputWithoutTemplatesIsBounded()
{
    m_receiver->answer("/big", {200, '"' + QByteArray(5000, 'z') + '"', "application/json", 0, 0});
    RunPlan plan = makePlan(R"([{"name": "hook", "type": "webhook", "config": {"url": "%BASE%/big"}}])", m_receiver->base());
    plan.limits.maxStepOutputBytes = 4096;
    const std::optional<RunOutcome> outcome = runToEnd(plan, m_pool.get());
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Failed);
    QCOMPARE(*outcome->error, u"step 'hook': the step's output exceeds 4096 bytes, the limit of one step (WF_RUN_MAX_STEP_OUTPUT_BYTES)"_s);
    QCOMPARE(stepResult(*outcome, u"hook"_s).value(u"output"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(m_receiver->count("/big"), 1); // not retried: another call would answer the same
}

void TestEngine::delayResumesAtItsStoredDeadline()
{
    // A 30 s delay whose earlier execution started 29.7 s ago waits only for the rest.
    RunPlan plan = makePlan(R"([{"name": "wait", "type": "delay", "config": {"duration": 30}}])", m_receiver->base());
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    StepResult interrupted;
    interrupted.stepName = u"wait"_s;
    interrupted.status = StepStatus::Running;
    interrupted.attempts = 1;
    interrupted.startedAtMicros = now - 29'700'000;
    interrupted.deadlineMicros = now + 300'000;
    plan.stepResults.insert(u"wait"_s, *StepResult::fromJson(interrupted.toJson()));
    Observed observed;
    QElapsedTimer clock;
    clock.start();
    const std::optional<RunOutcome> outcome = runToEnd(plan, m_pool.get(), &observed);
    QVERIFY(outcome);
    QCOMPARE(outcome->ending, RunOutcome::Ending::Success);
    QVERIFY2(clock.elapsed() >= 250 && clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    // The resumed step keeps its start and announces the same deadline.
    QCOMPARE(observed.started.size(), 1);
    QCOMPARE(observed.started.at(0).deadlineMicros, interrupted.deadlineMicros);
    QCOMPARE(outcome->stepResults.value(u"wait"_s).startedAtMicros, interrupted.startedAtMicros);
    QCOMPARE(stepResult(*outcome, u"wait"_s).value(u"output"_s).toObject().value(u"duration"_s).toInt(), 30);

    // A deadline already past: no wait at all.
    interrupted.deadlineMicros = now - 1'000'000;
    plan.stepResults.insert(u"wait"_s, interrupted);
    clock.restart();
    const std::optional<RunOutcome> late = runToEnd(plan, m_pool.get());
    QVERIFY(late);
    QCOMPARE(late->ending, RunOutcome::Ending::Success);
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
}

void TestEngine::webhookKeyStaysAcrossRetries()
{
    RunPlan plan = makePlan(R"([{"name": "hook", "type": "webhook", "config": {"url": "%BASE%/json"}}])", m_receiver->base(),
                            "{}", u"retry2"_s);
    plan.retryRootId = u"original"_s;
    QVERIFY(runToEnd(plan, m_pool.get()));
    plan.retryRootId.clear(); // no retry: the run's own id
    QVERIFY(runToEnd(plan, m_pool.get()));
    const QList<Received> calls = m_receiver->requests("/json");
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(0).headers.value("idempotency-key"), QByteArray("original:hook"));
    QCOMPARE(calls.at(1).headers.value("idempotency-key"), QByteArray("retry2:hook"));
}

#include "tst_engine.moc"
