#include "examples.h"
#include "core/json.h"
#include "workflow/retrypolicy.h"
#include "steps/builtinsteps.h"
#include "steps/conditionstep.h"
#include "workflow/workflowdefinition.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace wf;

// The class is declared before any test data: moc does not understand raw string literals, and
// one with an unbalanced brace or a backslash before the declaration hides the class from it.
class TestDefinition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exampleIsAcceptedAndRoundTrips();
    void goodDefinitions_data();
    void goodDefinitions();
    void badDefinitions_data();
    void badDefinitions();
    void registryKnowsBuiltins();
    void retryPolicyJson();
    void backoffGrowsAndIsCapped_data();
    void backoffGrowsAndIsCapped();
    void backoffEdgeCases();
    void conditionEvaluate_data();
    void conditionEvaluate();
};

namespace {

const StepRegistry &builtin()
{
    static const StepRegistry registry = wf::steps::builtinSteps();
    return registry;
}

// The example of architecture.md, as the seed's clients send it.
const QByteArray exampleDefinition = wf::test::architectureExample();

QJsonValue parseJson(const QByteArray &text)
{
    const std::optional<QJsonValue> value = json::parse(text);
    if (!value)
        qFatal("test data is not JSON: %s", text.constData());
    return *value;
}

// A workflow whose steps are the given JSON array text.
QByteArray withSteps(const QByteArray &steps)
{
    return R"({"id": "w", "name": "W", "steps": )" + steps + '}';
}

// A workflow with one step of the given type and config (JSON text), preceded by a step named "a".
QByteArray oneStep(const QByteArray &type, const QByteArray &config)
{
    return withSteps(R"([{"name": "a", "type": "log", "config": {"message": "m"}},
                        {"name": "b", "type": ")" + type + R"(", "config": )" + config + "}]");
}

QByteArray manySteps(int count)
{
    QByteArray steps = "[";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            steps += ',';
        steps += R"({"name": "s)" + QByteArray::number(i) + R"(", "type": "log", "config": {"message": "m"}})";
    }
    return withSteps(steps + ']');
}

} // namespace

void TestDefinition::exampleIsAcceptedAndRoundTrips()
{
    const Result<WorkflowDefinition> definition = WorkflowDefinition::fromJson(parseJson(exampleDefinition), builtin());
    QVERIFY2(definition.ok(), qPrintable(definition.ok() ? QString() : definition.error().detail()));
    QCOMPARE(definition->id, u"example_workflow"_s);
    QCOMPARE(definition->name, u"Example"_s);
    QCOMPARE(definition->description, std::optional<QString>(u"…"_s));
    QCOMPARE(definition->steps.size(), 2);

    const StepDefinition &wait = definition->steps.at(0);
    QCOMPARE(wait.name, u"wait"_s);
    QCOMPARE(wait.type, u"delay"_s);
    QCOMPARE(wait.config.value(u"duration"_s).toDouble(), 2.0);
    QVERIFY(!wait.retry);
    QVERIFY(!wait.timeoutMs);

    const StepDefinition &notify = definition->steps.at(1);
    QCOMPARE(notify.type, u"webhook"_s);
    QVERIFY(notify.retry);
    QCOMPARE(notify.retry->maxAttempts, 3);
    QCOMPARE(notify.retry->initialBackoffMs, 200);
    QCOMPARE(notify.retry->multiplier, 2.0);
    QCOMPARE(notify.retry->maxBackoffMs, 5000);
    QCOMPARE(notify.timeoutMs, std::optional<qint64>(10000));

    const QJsonArray stored = definition->stepsToJson();
    const QList<StepDefinition> restored = WorkflowDefinition::stepsFromStoredJson(stored);
    QCOMPARE(restored.size(), 2);
    for (qsizetype i = 0; i < restored.size(); ++i) {
        const StepDefinition &before = definition->steps.at(i);
        const StepDefinition &after = restored.at(i);
        QCOMPARE(after.name, before.name);
        QCOMPARE(after.type, before.type);
        QCOMPARE(after.config, before.config);
        QCOMPARE(after.retry.has_value(), before.retry.has_value());
        if (before.retry)
            QCOMPARE(after.retry->toJson(), before.retry->toJson());
        QCOMPARE(after.timeoutMs, before.timeoutMs);
    }
    WorkflowDefinition again;
    again.steps = restored;
    QCOMPARE(again.stepsToJson(), stored);

    // What was stored passes validation again: stored steps are a valid definition.
    QJsonObject body{{u"id"_s, u"x"_s}, {u"name"_s, u"x"_s}, {u"steps"_s, stored}};
    QVERIFY(WorkflowDefinition::fromJson(body, builtin()).ok());
}

void TestDefinition::goodDefinitions_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("no steps") << withSteps("[]");
    QTest::addRow("description null") << QByteArray(R"({"id":"w","name":"W","description":null,"steps":[]})");
    // The seed's optional fields: only name and steps are required.
    QTest::addRow("no id, no description") << QByteArray(R"({"name":"W","steps":[]})");
    QTest::addRow("id null") << QByteArray(R"({"id":null,"name":"W","steps":[]})");
    QTest::addRow("unknown top-level keys") << QByteArray(R"({"id":"w","name":"W","steps":[],"owner":"x","v":2})");
    QTest::addRow("100 steps") << manySteps(100);
    QTest::addRow("retry and timeout null")
            << withSteps(R"([{"name":"a","type":"log","config":{"message":"m"},"retry":null,"timeout_ms":null}])");
    QTest::addRow("integral doubles") << withSteps(
            R"([{"name":"a","type":"log","config":{"message":"m"},"retry":{"max_attempts":3.0},"timeout_ms":1e3}])");
    QTest::addRow("empty retry") << withSteps(R"([{"name":"a","type":"log","config":{"message":"m"},"retry":{}}])");
    QTest::addRow("retry raises only initial")
            << withSteps(R"([{"name":"a","type":"log","config":{"message":"m"},"retry":{"initial_backoff_ms":9000}}])");
    QTest::addRow("unicode name") << withSteps(R"([{"name":"schritt eins ü","type":"log","config":{"message":"m"}}])");
    QTest::addRow("fractional delay") << oneStep("delay", R"({"duration": 0.25})");
    QTest::addRow("zero delay") << oneStep("delay", R"({"duration": 0})");
    QTest::addRow("templated delay") << oneStep("delay", R"({"duration": "${payload.seconds}"})");
    QTest::addRow("delay from earlier step") << oneStep("delay", R"({"duration": "${steps.a.output}"})");
    QTest::addRow("webhook minimal") << oneStep("webhook", R"({"url": "https://example.com"})");
    QTest::addRow("webhook lowercase method") << oneStep("webhook", R"({"url": "http://h/x", "method": "patch"})");
    QTest::addRow("webhook templated url") << oneStep("webhook", R"({"url": "${payload.callback}"})");
    QTest::addRow("webhook template in path")
            << oneStep("webhook", R"({"url": "http://api.local:8080/users/${payload.user.id}?run=${run.id}"})");
    QTest::addRow("webhook template as host") << oneStep("webhook", R"({"url": "http://${payload.host}/hook"})");
    QTest::addRow("webhook full") << oneStep("webhook", R"({"url": "http://h/x", "method": "PUT",
            "headers": {"X-Run": "${run.id}", "Authorization": "Bearer t"}, "body": [1, {"a": "${steps.a.status}"}],
            "expect_status": [200, 409]})");
    QTest::addRow("webhook single status") << oneStep("webhook", R"({"url": "http://h/x", "expect_status": 204})");
    QTest::addRow("transform null output") << oneStep("transform", R"({"output": null})");
    QTest::addRow("transform nested templates")
            << oneStep("transform", R"({"output": {"list": ["${payload.items.0}", "$${literal}"], "n": 1}})");
    QTest::addRow("condition exists without right") << oneStep("condition", R"({"left": "${payload.x}", "op": "exists"})");
    QTest::addRow("condition null left") << oneStep("condition", R"({"left": null, "op": "eq", "right": null})");
    QTest::addRow("condition skips later")
            << withSteps(R"([{"name":"c","type":"condition","config":{"left":1,"op":"lt","right":2,"skip":["d","e"]}},
                           {"name":"d","type":"log","config":{"message":"m"}},
                           {"name":"e","type":"log","config":{"message":"m"}}])");
    QTest::addRow("log with templates")
            << oneStep("log", R"({"message": "user ${payload.user} of run ${run.workflow_id}: ${steps.a.output.x.0}"})");
    QTest::addRow("dollar without brace") << oneStep("log", R"({"message": "costs $5 and $$"})");
}

void TestDefinition::goodDefinitions()
{
    QFETCH(QByteArray, body);
    const Result<WorkflowDefinition> definition = WorkflowDefinition::fromJson(parseJson(body), builtin());
    QVERIFY2(definition.ok(), qPrintable(definition.ok() ? QString() : definition.error().detail()));
}

void TestDefinition::badDefinitions_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("fragment");
    const QByteArray longText(201, 'x');
    const QByteArray longDescription(10'001, 'x');
    const QByteArray longStepName(129, 'x');
    const auto step = [](const QByteArray &extra) {
        return withSteps(R"([{"name": "a", "type": "log", "config": {"message": "m"})" + extra + "}]");
    };

    // top level
    QTest::addRow("array body") << QByteArray("[]") << u"must be a JSON object (got array)"_s;
    QTest::addRow("string body") << QByteArray(R"("x")") << u"must be a JSON object"_s;
    QTest::addRow("id number") << QByteArray(R"({"id":1,"name":"W","steps":[]})") << u"id must be a string (got 1)"_s;
    QTest::addRow("id empty") << QByteArray(R"({"id":"","name":"W","steps":[]})") << u"id must not be empty"_s;
    QTest::addRow("id too long") << QByteArray(R"({"id":")" + longText + R"(","name":"W","steps":[]})")
                                 << u"id must be at most 200 characters"_s;
    QTest::addRow("missing name") << QByteArray(R"({"id":"w","steps":[]})") << u"name is required"_s;
    QTest::addRow("name null") << QByteArray(R"({"id":"w","name":null,"steps":[]})") << u"name must be a string (got null)"_s;
    QTest::addRow("name empty") << QByteArray(R"({"id":"w","name":"","steps":[]})") << u"name must not be empty"_s;
    QTest::addRow("name too long") << QByteArray(R"({"id":"w","name":")" + longText + R"(","steps":[]})")
                                   << u"name must be at most 200 characters"_s;
    QTest::addRow("description number") << QByteArray(R"({"id":"w","name":"W","description":5,"steps":[]})")
                                        << u"description must be a string or null"_s;
    QTest::addRow("description too long")
            << QByteArray(R"({"id":"w","name":"W","description":")" + longDescription + R"(","steps":[]})")
            << u"description must be at most 10000 characters"_s;
    QTest::addRow("missing steps") << QByteArray(R"({"id":"w","name":"W"})") << u"steps is required"_s;
    QTest::addRow("steps object") << QByteArray(R"({"id":"w","name":"W","steps":{}})") << u"steps must be an array (got object)"_s;
    QTest::addRow("steps null") << QByteArray(R"({"id":"w","name":"W","steps":null})") << u"steps must be an array (got null)"_s;
    QTest::addRow("101 steps") << manySteps(101) << u"steps must have at most 100 entries"_s;

    // step fields
    QTest::addRow("step not object") << withSteps(R"(["a"])") << u"steps[0] must be an object (got string \"a\")"_s;
    QTest::addRow("step name missing") << withSteps(R"([{"type":"log","config":{"message":"m"}}])")
                                       << u"steps[0]: name is required"_s;
    QTest::addRow("step name number") << withSteps(R"([{"name":7,"type":"log"}])") << u"steps[0]: name must be a string"_s;
    QTest::addRow("step name empty") << withSteps(R"([{"name":"","type":"log"}])") << u"steps[0]: name must not be empty"_s;
    QTest::addRow("step name dot") << withSteps(R"([{"name":"a.b","type":"log"}])") << u"must not contain '.'"_s;
    QTest::addRow("step name dollar") << withSteps(R"([{"name":"a$","type":"log"}])") << u"must not contain '$'"_s;
    QTest::addRow("step name brace") << withSteps(R"([{"name":"a{","type":"log"}])") << u"must not contain '{'"_s;
    QTest::addRow("step name closing brace") << withSteps(R"([{"name":"}","type":"log"}])") << u"must not contain '}'"_s;
    QTest::addRow("step name control") << withSteps(R"([{"name":"a\nb","type":"log"}])")
                                       << u"steps[0]: name must not contain control characters"_s;
    QTest::addRow("step name too long") << withSteps(R"([{"name":")" + longStepName + R"(","type":"log"}])")
                                        << u"steps[0]: name must be at most 128 characters"_s;
    QTest::addRow("second step bad")
            << withSteps(R"([{"name":"a","type":"log","config":{"message":"m"}}, 3])") << u"steps[1] must be an object"_s;
    QTest::addRow("duplicate names")
            << withSteps(R"([{"name":"a","type":"log","config":{"message":"m"}},
                           {"name":"b","type":"log","config":{"message":"m"}},
                           {"name":"a","type":"log","config":{"message":"m"}}])")
            << u"steps[2] 'a': duplicate step name, already used by steps[0]"_s;
    QTest::addRow("type missing") << withSteps(R"([{"name":"a"}])") << u"steps[0] 'a': type is required"_s;
    QTest::addRow("type number") << withSteps(R"([{"name":"a","type":1}])") << u"steps[0] 'a': type must be a string"_s;
    QTest::addRow("type unknown") << withSteps(R"([{"name":"a","type":"email"}])")
                                  << u"steps[0] 'a': unknown step type \"email\" (known types: condition, delay, log, transform, webhook)"_s;
    QTest::addRow("type case") << withSteps(R"([{"name":"a","type":"Delay","config":{"duration":1}}])")
                               << u"unknown step type \"Delay\""_s;
    QTest::addRow("config array") << withSteps(R"([{"name":"a","type":"log","config":[]}])")
                                  << u"steps[0] 'a': config must be an object (got array)"_s;
    QTest::addRow("config string") << withSteps(R"([{"name":"a","type":"log","config":"m"}])")
                                   << u"steps[0] 'a': config must be an object (got string \"m\")"_s;

    // retry
    QTest::addRow("retry string") << step(R"(,"retry":"3")") << u"steps[0] 'a': retry must be an object (got string \"3\")"_s;
    QTest::addRow("retry attempts zero") << step(R"(,"retry":{"max_attempts":0})")
                                         << u"steps[0] 'a': retry.max_attempts must be an integer between 1 and 100 (got 0)"_s;
    QTest::addRow("retry attempts 101") << step(R"(,"retry":{"max_attempts":101})") << u"retry.max_attempts must be an integer"_s;
    QTest::addRow("retry attempts fractional") << step(R"(,"retry":{"max_attempts":2.5})")
                                               << u"retry.max_attempts must be an integer between 1 and 100 (got 2.5)"_s;
    QTest::addRow("retry attempts string") << step(R"(,"retry":{"max_attempts":"3"})")
                                           << u"retry.max_attempts must be an integer between 1 and 100 (got string \"3\")"_s;
    QTest::addRow("retry initial negative") << step(R"(,"retry":{"initial_backoff_ms":-1})")
                                            << u"retry.initial_backoff_ms must be an integer between 0 and 3600000"_s;
    QTest::addRow("retry initial too big") << step(R"(,"retry":{"initial_backoff_ms":3600001})")
                                           << u"retry.initial_backoff_ms must be an integer between 0 and 3600000"_s;
    QTest::addRow("retry multiplier small") << step(R"(,"retry":{"multiplier":0.5})")
                                            << u"retry.multiplier must be a number between 1 and 10 (got 0.5)"_s;
    QTest::addRow("retry multiplier big") << step(R"(,"retry":{"multiplier":11})") << u"retry.multiplier must be a number between 1 and 10"_s;
    QTest::addRow("retry multiplier string") << step(R"(,"retry":{"multiplier":"2"})")
                                             << u"retry.multiplier must be a number between 1 and 10 (got string \"2\")"_s;
    QTest::addRow("retry max below initial") << step(R"(,"retry":{"initial_backoff_ms":1000,"max_backoff_ms":500})")
                                             << u"retry.max_backoff_ms must be an integer between initial_backoff_ms (1000) and 3600000 (got 500)"_s;
    QTest::addRow("retry max too big") << step(R"(,"retry":{"max_backoff_ms":3600001})")
                                       << u"retry.max_backoff_ms must be an integer between initial_backoff_ms (200) and 3600000 (got 3600001)"_s;

    // timeout
    QTest::addRow("timeout zero") << step(R"(,"timeout_ms":0)") << u"steps[0] 'a': timeout_ms must be an integer between 1 and 86400000 (got 0)"_s;
    QTest::addRow("timeout fractional") << step(R"(,"timeout_ms":2.5)") << u"timeout_ms must be an integer between 1 and 86400000 (got 2.5)"_s;
    QTest::addRow("timeout string") << step(R"(,"timeout_ms":"1000")") << u"timeout_ms must be an integer between 1 and 86400000 (got string \"1000\")"_s;
    QTest::addRow("timeout too big") << step(R"(,"timeout_ms":86400001)") << u"timeout_ms must be an integer between 1 and 86400000"_s;

    // delay
    QTest::addRow("delay no config") << withSteps(R"([{"name":"a","type":"delay"}])") << u"steps[0] 'a': config.duration is required"_s;
    QTest::addRow("delay negative") << oneStep("delay", R"({"duration": -1})")
                                    << u"steps[1] 'b': config.duration must be between 0 and 604800 seconds (got -1)"_s;
    QTest::addRow("delay too long") << oneStep("delay", R"({"duration": 604800.5})") << u"config.duration must be between 0 and 604800 seconds"_s;
    QTest::addRow("delay text") << oneStep("delay", R"({"duration": "2s"})")
                                << u"steps[1] 'b': config.duration must be a number of seconds or a single template"_s;
    QTest::addRow("delay shows text") << oneStep("delay", R"({"duration": "2s"})") << u"(got string \"2s\")"_s;
    QTest::addRow("delay template in text") << oneStep("delay", R"({"duration": "${payload.d}s"})")
                                            << u"config.duration must be a number of seconds or a single template"_s;
    QTest::addRow("delay boolean") << oneStep("delay", R"({"duration": true})") << u"(got true)"_s;
    QTest::addRow("delay unterminated") << oneStep("delay", R"({"duration": "${payload.d"})")
                                        << u"steps[1] 'b': config.duration: unterminated template in \"${payload.d\""_s;

    // webhook
    QTest::addRow("webhook no url") << oneStep("webhook", R"({"method": "GET"})") << u"steps[1] 'b': config.url is required"_s;
    QTest::addRow("webhook url number") << oneStep("webhook", R"({"url": 80})") << u"steps[1] 'b': config.url must be a string (got 80)"_s;
    QTest::addRow("webhook url ftp") << oneStep("webhook", R"({"url": "ftp://h/x"})")
                                     << u"config.url must be an http:// or https:// URL or start with a template"_s;
    QTest::addRow("webhook url relative") << oneStep("webhook", R"({"url": "/hook"})")
                                          << u"config.url must be an http:// or https:// URL or start with a template"_s;
    QTest::addRow("webhook url no host") << oneStep("webhook", R"({"url": "http://"})") << u"config.url has no host"_s;
    QTest::addRow("webhook url bad host") << oneStep("webhook", R"({"url": "http://exa mple.com/x"})")
                                          << u"config.url is not a valid URL: \"http://exa mple.com/x\" (Invalid hostname (contains invalid characters))"_s;
    QTest::addRow("webhook url bad port") << oneStep("webhook", R"({"url": "http://h:99999/x"})")
                                          << u"config.url is not a valid URL"_s;
    QTest::addRow("webhook url bad template root") << oneStep("webhook", R"({"url": "${paylod.url}"})")
                                                   << u"steps[1] 'b': config.url: unknown template root 'paylod'"_s;
    QTest::addRow("webhook method unknown") << oneStep("webhook", R"({"url": "http://h", "method": "FETCH"})")
                                            << u"steps[1] 'b': config.method must be one of GET, POST, PUT, PATCH, DELETE, HEAD (got string \"FETCH\")"_s;
    QTest::addRow("webhook method number") << oneStep("webhook", R"({"url": "http://h", "method": 1})")
                                           << u"config.method must be a string"_s;
    QTest::addRow("webhook headers array") << oneStep("webhook", R"({"url": "http://h", "headers": ["a"]})")
                                           << u"config.headers must be an object"_s;
    QTest::addRow("webhook header value number") << oneStep("webhook", R"({"url": "http://h", "headers": {"X-Count": 1}})")
                                                 << u"config.headers.X-Count must be a string (got 1)"_s;
    QTest::addRow("webhook header name") << oneStep("webhook", R"({"url": "http://h", "headers": {"Bad Name": "x"}})")
                                         << u"config.headers has an invalid header name \"Bad Name\""_s;
    QTest::addRow("webhook status low") << oneStep("webhook", R"({"url": "http://h", "expect_status": 99})")
                                        << u"config.expect_status must be an integer between 100 and 599 (got 99)"_s;
    QTest::addRow("webhook status high") << oneStep("webhook", R"({"url": "http://h", "expect_status": 600})")
                                         << u"config.expect_status must be an integer between 100 and 599"_s;
    QTest::addRow("webhook status fractional") << oneStep("webhook", R"({"url": "http://h", "expect_status": 200.5})")
                                               << u"config.expect_status must be an integer between 100 and 599 or a non-empty array"_s;
    QTest::addRow("webhook status string") << oneStep("webhook", R"({"url": "http://h", "expect_status": "200"})")
                                           << u"config.expect_status must be an integer"_s;
    QTest::addRow("webhook status empty") << oneStep("webhook", R"({"url": "http://h", "expect_status": []})")
                                          << u"config.expect_status must not be an empty array"_s;
    QTest::addRow("webhook status element") << oneStep("webhook", R"({"url": "http://h", "expect_status": [200, 700]})")
                                            << u"config.expect_status[1] must be an integer between 100 and 599 (got 700)"_s;

    // transform
    QTest::addRow("transform no output") << oneStep("transform", R"({"out": 1})") << u"steps[1] 'b': config.output is required"_s;

    // condition
    QTest::addRow("condition no left") << oneStep("condition", R"({"op": "eq", "right": 1})") << u"config.left is required"_s;
    QTest::addRow("condition no op") << oneStep("condition", R"({"left": 1, "right": 1})") << u"config.op is required"_s;
    QTest::addRow("condition op unknown") << oneStep("condition", R"({"left": 1, "op": "equals", "right": 1})")
                                          << u"config.op must be one of eq, ne, lt, le, gt, ge, contains, exists (got string \"equals\")"_s;
    QTest::addRow("condition op number") << oneStep("condition", R"({"left": 1, "op": 1, "right": 1})")
                                         << u"config.op must be one of"_s;
    QTest::addRow("condition no right") << oneStep("condition", R"({"left": 1, "op": "gt"})")
                                        << u"steps[1] 'b': config.right is required when op is 'gt'"_s;
    QTest::addRow("condition skip string") << oneStep("condition", R"({"left": 1, "op": "exists", "skip": "c"})")
                                           << u"config.skip must be an array of step names"_s;
    QTest::addRow("condition skip number") << oneStep("condition", R"({"left": 1, "op": "exists", "skip": [1]})")
                                           << u"config.skip[0] must be a step name (got 1)"_s;
    QTest::addRow("condition skip earlier") << oneStep("condition", R"({"left": 1, "op": "exists", "skip": ["a"]})")
                                            << u"steps[1] 'b': config.skip[0] names 'a', which comes before this step"_s;
    QTest::addRow("condition skip itself") << oneStep("condition", R"({"left": 1, "op": "exists", "skip": ["b"]})")
                                           << u"config.skip[0] names this step itself ('b')"_s;
    QTest::addRow("condition skip unknown") << oneStep("condition", R"({"left": 1, "op": "exists", "skip": ["nope"]})")
                                            << u"config.skip[0] names no step of this workflow: \"nope\""_s;

    // log
    QTest::addRow("log no message") << oneStep("log", R"({})") << u"steps[1] 'b': config.message is required"_s;
    QTest::addRow("log message object") << oneStep("log", R"({"message": {"a": 1}})")
                                        << u"config.message must be a string (got object)"_s;

    // templates
    QTest::addRow("template unknown root")
            << oneStep("webhook", R"({"url": "http://h", "body": {"user": "${paylod.user_id}"}})")
            << u"steps[1] 'b': config.body.user: unknown template root 'paylod' in \"${paylod.user_id}\""_s;
    QTest::addRow("template later step")
            << withSteps(R"([{"name":"a","type":"log","config":{"message":"${steps.b.output}"}},
                           {"name":"b","type":"log","config":{"message":"m"}}])")
            << u"steps[0] 'a': config.message: template \"${steps.b.output}\" refers to step 'b', which is not an earlier step"_s;
    QTest::addRow("template own step") << oneStep("log", R"({"message": "${steps.b.status}"})")
                                       << u"refers to step 'b', which is not an earlier step"_s;
    QTest::addRow("template unknown step") << oneStep("log", R"({"message": "x ${steps.zz.output} y"})")
                                           << u"refers to step 'zz'"_s;
    QTest::addRow("template unterminated") << oneStep("log", R"({"message": "hello ${payload.name"})")
                                           << u"steps[1] 'b': config.message: unterminated template"_s;
    QTest::addRow("template empty") << oneStep("log", R"({"message": "${}"})") << u"config.message: empty template"_s;
    QTest::addRow("template step field") << oneStep("log", R"({"message": "${steps.a.result}"})")
                                         << u"must continue with .output or .status after steps.a"_s;
    QTest::addRow("template run field") << oneStep("log", R"({"message": "${run.name}"})")
                                        << u"config.message: unknown run field 'name'"_s;
    QTest::addRow("template in header") << oneStep("webhook", R"({"url": "http://h", "headers": {"X-User": "${user}"}})")
                                        << u"config.headers.X-User: unknown template root 'user'"_s;
    QTest::addRow("template in array") << oneStep("transform", R"({"output": {"list": [1, "${nope}"]}})")
                                       << u"steps[1] 'b': config.output.list[1]: unknown template root 'nope'"_s;
    QTest::addRow("template in condition") << oneStep("condition", R"({"left": "${steps.a}", "op": "exists"})")
                                           << u"config.left: template \"${steps.a}\" must continue with .output or .status"_s;
    QTest::addRow("template in url path") << oneStep("webhook", R"({"url": "http://h/${payload..id}"})")
                                          << u"config.url: empty path segment"_s;
}

void TestDefinition::badDefinitions()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, fragment);
    const Result<WorkflowDefinition> definition = WorkflowDefinition::fromJson(parseJson(body), builtin());
    QVERIFY2(!definition.ok(), "accepted");
    QCOMPARE(definition.error().kind(), Error::Kind::Invalid);
    QVERIFY2(definition.error().detail().contains(fragment),
             qPrintable(u"detail: "_s + definition.error().detail()));
}

void TestDefinition::registryKnowsBuiltins()
{
    const StepRegistry &registry = builtin();
    QCOMPARE(registry.names(), (QStringList{u"condition"_s, u"delay"_s, u"log"_s, u"transform"_s, u"webhook"_s}));
    for (const QString &name : registry.names()) {
        QVERIFY(registry.find(name));
        QCOMPARE(registry.find(name)->name(), name);
    }
    QVERIFY(!registry.find(u"email"_s));
}

void TestDefinition::retryPolicyJson()
{
    const Result<RetryPolicy> defaults = RetryPolicy::fromJson(QJsonObject(), u"retry"_s);
    QVERIFY(defaults.ok());
    QCOMPARE(defaults->maxAttempts, 1);
    QCOMPARE(defaults->initialBackoffMs, 200);
    QCOMPARE(defaults->multiplier, 2.0);
    QCOMPARE(defaults->maxBackoffMs, 5000);

    const QJsonObject custom{{u"max_attempts"_s, 5}, {u"initial_backoff_ms"_s, 50},
                             {u"multiplier"_s, 1.5}, {u"max_backoff_ms"_s, 800}};
    const Result<RetryPolicy> policy = RetryPolicy::fromJson(custom, u"retry"_s);
    QVERIFY(policy.ok());
    QCOMPARE(policy->toJson(), custom);

    const Result<RetryPolicy> bad = RetryPolicy::fromJson(QJsonValue(3), u"step 'notify': retry"_s);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().detail(), u"step 'notify': retry must be an object (got 3)"_s);
}

void TestDefinition::backoffGrowsAndIsCapped_data()
{
    QTest::addColumn<int>("failedAttempts");
    QTest::addColumn<int>("base");
    // initial 200, multiplier 2, cap 5000
    QTest::addRow("first") << 1 << 200;
    QTest::addRow("second") << 2 << 400;
    QTest::addRow("third") << 3 << 800;
    QTest::addRow("fourth") << 4 << 1600;
    QTest::addRow("fifth") << 5 << 3200;
    QTest::addRow("capped") << 6 << 5000;
    QTest::addRow("far beyond") << 99 << 5000;
    QTest::addRow("overflow guard") << 100000 << 5000;
    QTest::addRow("zero counts as first") << 0 << 200;
}

void TestDefinition::backoffGrowsAndIsCapped()
{
    QFETCH(int, failedAttempts);
    QFETCH(int, base);
    const RetryPolicy policy;
    QCOMPARE(policy.backoffMs(failedAttempts, 0.0), base / 2);
    QCOMPARE(policy.backoffMs(failedAttempts, 0.5), base * 3 / 4);
    QCOMPARE(policy.backoffMs(failedAttempts, 0.999999), base - 1);
    for (int i = 0; i < 200; ++i) {
        const double jitter = i / 200.0;
        const int delay = policy.backoffMs(failedAttempts, jitter);
        QVERIFY2(delay >= base / 2 && delay < base, qPrintable(QString::number(delay)));
    }
}

void TestDefinition::backoffEdgeCases()
{
    RetryPolicy constant;
    constant.initialBackoffMs = 1000;
    constant.multiplier = 1.0;
    constant.maxBackoffMs = 1000;
    QCOMPARE(constant.backoffMs(1, 0.0), 500);
    QCOMPARE(constant.backoffMs(50, 0.0), 500);

    RetryPolicy immediate;
    immediate.initialBackoffMs = 0;
    QCOMPARE(immediate.backoffMs(3, 0.7), 0);

    RetryPolicy steep;
    steep.initialBackoffMs = 3'600'000;
    steep.multiplier = 10.0;
    steep.maxBackoffMs = 3'600'000;
    QCOMPARE(steep.backoffMs(100, 0.0), 1'800'000);
    // Jitter outside [0, 1) is clamped rather than producing a delay above the cap.
    QVERIFY(steep.backoffMs(100, 5.0) <= 3'600'000);
    QCOMPARE(steep.backoffMs(100, -1.0), 1'800'000);
}

void TestDefinition::conditionEvaluate_data()
{
    QTest::addColumn<QByteArray>("left");
    QTest::addColumn<QString>("op");
    QTest::addColumn<QByteArray>("right"); // empty: undefined
    QTest::addColumn<bool>("expected");

    QTest::addRow("eq numbers") << QByteArray("1") << u"eq"_s << QByteArray("1.0") << true;
    QTest::addRow("eq different numbers") << QByteArray("1") << u"eq"_s << QByteArray("2") << false;
    QTest::addRow("eq strings") << QByteArray(R"("a")") << u"eq"_s << QByteArray(R"("a")") << true;
    QTest::addRow("eq string vs number") << QByteArray(R"("1")") << u"eq"_s << QByteArray("1") << false;
    QTest::addRow("eq bool") << QByteArray("true") << u"eq"_s << QByteArray("true") << true;
    QTest::addRow("eq null") << QByteArray("null") << u"eq"_s << QByteArray("null") << true;
    QTest::addRow("eq deep objects") << QByteArray(R"({"a":[1,{"b":2}]})") << u"eq"_s
                                     << QByteArray(R"({"a":[1.0,{"b":2.0}]})") << true;
    QTest::addRow("eq objects differ") << QByteArray(R"({"a":1})") << u"eq"_s << QByteArray(R"({"a":1,"b":2})") << false;
    QTest::addRow("eq arrays order") << QByteArray("[1,2]") << u"eq"_s << QByteArray("[2,1]") << false;
    QTest::addRow("ne") << QByteArray("1") << u"ne"_s << QByteArray("2") << true;
    QTest::addRow("ne equal") << QByteArray(R"(["x"])") << u"ne"_s << QByteArray(R"(["x"])") << false;
    QTest::addRow("lt numbers") << QByteArray("1") << u"lt"_s << QByteArray("2.5") << true;
    QTest::addRow("lt equal") << QByteArray("2") << u"lt"_s << QByteArray("2") << false;
    QTest::addRow("le equal") << QByteArray("2") << u"le"_s << QByteArray("2") << true;
    QTest::addRow("gt numbers") << QByteArray("-1") << u"gt"_s << QByteArray("-2") << true;
    QTest::addRow("ge smaller") << QByteArray("1") << u"ge"_s << QByteArray("2") << false;
    QTest::addRow("lt strings") << QByteArray(R"("apple")") << u"lt"_s << QByteArray(R"("banana")") << true;
    QTest::addRow("gt strings") << QByteArray(R"("b")") << u"gt"_s << QByteArray(R"("a")") << true;
    QTest::addRow("lt mixed") << QByteArray(R"("1")") << u"lt"_s << QByteArray("2") << false;
    QTest::addRow("ge mixed") << QByteArray("2") << u"ge"_s << QByteArray(R"("1")") << false;
    QTest::addRow("lt null") << QByteArray("null") << u"lt"_s << QByteArray("1") << false;
    QTest::addRow("contains substring") << QByteArray(R"("hello world")") << u"contains"_s << QByteArray(R"("lo w")") << true;
    QTest::addRow("contains no substring") << QByteArray(R"("hello")") << u"contains"_s << QByteArray(R"("xyz")") << false;
    QTest::addRow("contains element") << QByteArray(R"([1, "a", {"k": 1}])") << u"contains"_s << QByteArray(R"({"k": 1.0})") << true;
    QTest::addRow("contains number element") << QByteArray("[1, 2]") << u"contains"_s << QByteArray("2.0") << true;
    QTest::addRow("contains no element") << QByteArray("[1, 2]") << u"contains"_s << QByteArray("3") << false;
    QTest::addRow("contains key") << QByteArray(R"({"k": null})") << u"contains"_s << QByteArray(R"("k")") << true;
    QTest::addRow("contains no key") << QByteArray(R"({"k": 1})") << u"contains"_s << QByteArray(R"("j")") << false;
    QTest::addRow("contains on number") << QByteArray("12") << u"contains"_s << QByteArray("1") << false;
    QTest::addRow("contains string in number") << QByteArray(R"("12")") << u"contains"_s << QByteArray("1") << false;
    QTest::addRow("exists value") << QByteArray("0") << u"exists"_s << QByteArray() << true;
    QTest::addRow("exists false") << QByteArray("false") << u"exists"_s << QByteArray() << true;
    QTest::addRow("exists empty string") << QByteArray(R"("")") << u"exists"_s << QByteArray() << true;
    QTest::addRow("exists null") << QByteArray("null") << u"exists"_s << QByteArray() << false;
    QTest::addRow("exists undefined") << QByteArray() << u"exists"_s << QByteArray() << false;
    QTest::addRow("unknown op") << QByteArray("1") << u"like"_s << QByteArray("1") << false;
}

void TestDefinition::conditionEvaluate()
{
    QFETCH(QByteArray, left);
    QFETCH(QString, op);
    QFETCH(QByteArray, right);
    QFETCH(bool, expected);
    const QJsonValue leftValue = left.isEmpty() ? QJsonValue(QJsonValue::Undefined) : parseJson(left);
    const QJsonValue rightValue = right.isEmpty() ? QJsonValue(QJsonValue::Undefined) : parseJson(right);
    QCOMPARE(ConditionStep::evaluate(leftValue, op, rightValue), expected);
}

QTEST_GUILESS_MAIN(TestDefinition)
#include "tst_definition.moc"
