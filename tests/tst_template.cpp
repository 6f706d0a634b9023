#include "core/json.h"
#include "workflow/templateengine.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace wf;

// The class is declared before any test data: moc does not understand raw string literals, and
// one with an unbalanced brace or a backslash before the declaration hides the class from it.
class TestTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void render_data();
    void render();
    void typesAreKept();
    void specExampleMessage();
    void unresolved_data();
    void unresolved();
    void validate_data();
    void validate();
    void validateWithoutLocation();
};

namespace {

QJsonValue parseJson(const QByteArray &text)
{
    const std::optional<QJsonValue> value = json::parse(text);
    if (!value)
        qFatal("test data is not JSON: %s", text.constData());
    return *value;
}

const QByteArray payloadText = R"({"user": {"id": 42, "name": "Ada", "tags": ["a", "b"]},
    "count": 3, "ratio": 2.5, "whole": 3.0, "big": 12345678901, "negative": -0.125, "flag": true,
    "nothing": null, "text": "hi", "items": [{"sku": "x1"}, {"sku": "x2"}], "0": "zero-key",
    "nested": {"list": [[1, 2], [3, 4]]}})";

TemplateContext testContext()
{
    TemplateContext context;
    context.payload = parseJson(payloadText).toObject();
    context.steps.insert(u"wait"_s, parseJson(R"({"output": {"type": "delay", "duration": 2}, "status": "success"})").toObject());
    context.steps.insert(u"fetch"_s, parseJson(R"({"output": [{"id": 7}], "status": "success"})").toObject());
    context.steps.insert(u"skipped"_s, parseJson(R"({"status": "skipped"})").toObject());
    context.run = parseJson(R"({"id": "r1", "workflow_id": "w1"})").toObject();
    return context;
}

} // namespace

void TestTemplate::render_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    // untouched
    QTest::addRow("plain string") << QByteArray(R"("hello")") << QByteArray(R"("hello")");
    QTest::addRow("number") << QByteArray("5") << QByteArray("5");
    QTest::addRow("null") << QByteArray("null") << QByteArray("null");
    QTest::addRow("lone dollars") << QByteArray(R"("costs $5, $$ and $")") << QByteArray(R"("costs $5, $$ and $")");
    QTest::addRow("lone brace") << QByteArray(R"("a } b {")") << QByteArray(R"("a } b {")");

    // a whole-string template keeps the JSON type
    QTest::addRow("whole integer") << QByteArray(R"("${payload.count}")") << QByteArray("3");
    QTest::addRow("whole fraction") << QByteArray(R"("${payload.ratio}")") << QByteArray("2.5");
    QTest::addRow("whole boolean") << QByteArray(R"("${payload.flag}")") << QByteArray("true");
    QTest::addRow("whole null") << QByteArray(R"("${payload.nothing}")") << QByteArray("null");
    QTest::addRow("whole string") << QByteArray(R"("${payload.text}")") << QByteArray(R"("hi")");
    QTest::addRow("whole object") << QByteArray(R"("${payload.user}")")
                                  << QByteArray(R"({"id": 42, "name": "Ada", "tags": ["a", "b"]})");
    QTest::addRow("whole array") << QByteArray(R"("${payload.user.tags}")") << QByteArray(R"(["a", "b"])");
    QTest::addRow("whole payload") << QByteArray(R"("${payload}")") << payloadText;

    // paths
    QTest::addRow("nested path") << QByteArray(R"("${payload.user.name}")") << QByteArray(R"("Ada")");
    QTest::addRow("array index") << QByteArray(R"("${payload.items.1.sku}")") << QByteArray(R"("x2")");
    QTest::addRow("array of arrays") << QByteArray(R"("${payload.nested.list.1.0}")") << QByteArray("3");
    QTest::addRow("leading zero index") << QByteArray(R"("${payload.items.01.sku}")") << QByteArray(R"("x2")");
    QTest::addRow("digit key of object") << QByteArray(R"("${payload.0}")") << QByteArray(R"("zero-key")");
    QTest::addRow("step output field") << QByteArray(R"("${steps.wait.output.duration}")") << QByteArray("2");
    QTest::addRow("step output whole") << QByteArray(R"("${steps.wait.output}")")
                                       << QByteArray(R"({"type": "delay", "duration": 2})");
    QTest::addRow("step output index") << QByteArray(R"("${steps.fetch.output.0.id}")") << QByteArray("7");
    QTest::addRow("step status") << QByteArray(R"("${steps.wait.status}")") << QByteArray(R"("success")");
    QTest::addRow("skipped step status") << QByteArray(R"("${steps.skipped.status}")") << QByteArray(R"("skipped")");
    QTest::addRow("run id") << QByteArray(R"("${run.id}")") << QByteArray(R"("r1")");
    QTest::addRow("run workflow id") << QByteArray(R"("${run.workflow_id}")") << QByteArray(R"("w1")");

    // interpolation of every JSON type
    QTest::addRow("interpolate string") << QByteArray(R"("Hello ${payload.user.name}!")") << QByteArray(R"("Hello Ada!")");
    QTest::addRow("interpolate integer") << QByteArray(R"("n=${payload.count}")") << QByteArray(R"("n=3")");
    QTest::addRow("interpolate integral double") << QByteArray(R"("n=${payload.whole}")") << QByteArray(R"("n=3")");
    QTest::addRow("interpolate fraction") << QByteArray(R"("r=${payload.ratio}")") << QByteArray(R"("r=2.5")");
    QTest::addRow("interpolate negative") << QByteArray(R"("${payload.negative} ")") << QByteArray(R"("-0.125 ")");
    QTest::addRow("interpolate large integer") << QByteArray(R"("#${payload.big}")") << QByteArray(R"("#12345678901")");
    QTest::addRow("interpolate boolean") << QByteArray(R"("f=${payload.flag}")") << QByteArray(R"("f=true")");
    QTest::addRow("interpolate null") << QByteArray(R"("x=${payload.nothing}")") << QByteArray(R"("x=null")");
    QTest::addRow("interpolate object") << QByteArray(R"("u=${payload.user}")")
                                        << QByteArray(R"("u={\"id\":42,\"name\":\"Ada\",\"tags\":[\"a\",\"b\"]}")");
    QTest::addRow("interpolate array") << QByteArray(R"("t=${payload.user.tags}")") << QByteArray(R"("t=[\"a\",\"b\"]")");
    QTest::addRow("leading space interpolates") << QByteArray(R"(" ${payload.count}")") << QByteArray(R"(" 3")");
    QTest::addRow("adjacent templates") << QByteArray(R"("${payload.user.name}${payload.count}")") << QByteArray(R"("Ada3")");
    QTest::addRow("several sources") << QByteArray(R"("run ${run.id} of ${run.workflow_id} after ${steps.wait.status}")")
                                     << QByteArray(R"("run r1 of w1 after success")");

    // escapes
    QTest::addRow("escaped") << QByteArray(R"("$${payload.count}")") << QByteArray(R"("${payload.count}")");
    QTest::addRow("escaped and template") << QByteArray(R"("$${x} is ${payload.count}")") << QByteArray(R"("${x} is 3")");
    QTest::addRow("escaped unknown root") << QByteArray(R"("$${nope")") << QByteArray(R"("${nope")");

    // containers
    QTest::addRow("nested config")
            << QByteArray(R"({"a": {"b": ["${payload.count}", "x ${run.id}", 1.5]}, "k": "${payload.flag}", "n": null})")
            << QByteArray(R"({"a": {"b": [3, "x r1", 1.5]}, "k": true, "n": null})");
    QTest::addRow("array of templates") << QByteArray(R"(["${payload.items.0}", ["${payload.user.id}"]])")
                                        << QByteArray(R"([{"sku": "x1"}, [42]])");
    QTest::addRow("keys are not templates") << QByteArray(R"({"${payload.text}": "${payload.text}"})")
                                            << QByteArray(R"({"${payload.text}": "hi"})");
}

void TestTemplate::render()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const Result<QJsonValue> rendered = TemplateEngine::render(parseJson(input), testContext());
    QVERIFY2(rendered.ok(), qPrintable(rendered.ok() ? QString() : rendered.error().detail()));
    QCOMPARE(json::serialize(*rendered), json::serialize(parseJson(expected)));
}

void TestTemplate::typesAreKept()
{
    const TemplateContext context = testContext();
    QCOMPARE(TemplateEngine::render(u"${payload.count}"_s, context)->type(), QJsonValue::Double);
    QCOMPARE(TemplateEngine::render(u"${payload.user}"_s, context)->type(), QJsonValue::Object);
    QCOMPARE(TemplateEngine::render(u"${payload.nothing}"_s, context)->type(), QJsonValue::Null);
    QCOMPARE(TemplateEngine::render(u"#${payload.count}"_s, context)->type(), QJsonValue::String);
}

void TestTemplate::specExampleMessage()
{
    const Result<QJsonValue> rendered = TemplateEngine::render(u"${payload.user.id}"_s, TemplateContext());
    QVERIFY(!rendered.ok());
    QCOMPARE(rendered.error().kind(), Error::Kind::Invalid);
    QCOMPARE(rendered.error().detail(), u"unresolved template ${payload.user.id}: payload has no 'user'"_s);
}

void TestTemplate::unresolved_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("fragment");
    QTest::addRow("missing key") << QByteArray(R"("${payload.missing.id}")")
                                 << u"unresolved template ${payload.missing.id}: payload has no 'missing'"_s;
    QTest::addRow("missing nested key") << QByteArray(R"("${payload.user.email}")")
                                        << u"unresolved template ${payload.user.email}: payload.user has no 'email'"_s;
    QTest::addRow("index out of range") << QByteArray(R"("${payload.items.5.sku}")")
                                        << u"payload.items has no index 5 (it has 2 elements)"_s;
    QTest::addRow("word on array") << QByteArray(R"("${payload.items.first}")")
                                   << u"payload.items is an array and has no 'first'"_s;
    QTest::addRow("path into number") << QByteArray(R"("${payload.count.x}")") << u"payload.count is a number and has no 'x'"_s;
    QTest::addRow("path into string") << QByteArray(R"("${payload.text.0}")") << u"payload.text is a string and has no '0'"_s;
    QTest::addRow("path into null") << QByteArray(R"("${payload.nothing.x}")") << u"payload.nothing is null and has no 'x'"_s;
    QTest::addRow("step without result") << QByteArray(R"("${steps.later.output}")")
                                         << u"unresolved template ${steps.later.output}: step 'later' has no result"_s;
    QTest::addRow("step without output") << QByteArray(R"("${steps.skipped.output.x}")") << u"step 'skipped' has no output"_s;
    QTest::addRow("missing step field") << QByteArray(R"("${steps.wait.output.nope}")")
                                        << u"steps.wait.output has no 'nope'"_s;
    QTest::addRow("inside longer text") << QByteArray(R"("id: ${payload.missing} ok")")
                                        << u"unresolved template ${payload.missing}: payload has no 'missing'"_s;
    QTest::addRow("inside container") << QByteArray(R"({"a": [1, {"b": "${payload.user.tags.2}"}]})")
                                      << u"unresolved template ${payload.user.tags.2}: payload.user.tags has no index 2"_s;
    QTest::addRow("unknown root") << QByteArray(R"("${foo.bar}")") << u"unknown template root 'foo'"_s;
    QTest::addRow("unknown run field") << QByteArray(R"("${run.attempt}")") << u"unknown run field 'attempt'"_s;
    QTest::addRow("step without field") << QByteArray(R"("${steps.wait}")") << u"must continue with .output or .status"_s;
    QTest::addRow("unterminated") << QByteArray(R"("${payload")") << u"unterminated template"_s;
}

void TestTemplate::unresolved()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, fragment);
    const Result<QJsonValue> rendered = TemplateEngine::render(parseJson(input), testContext());
    QVERIFY2(!rendered.ok(), rendered.ok() ? json::serialize(*rendered).constData() : "");
    QCOMPARE(rendered.error().kind(), Error::Kind::Invalid);
    QVERIFY2(rendered.error().detail().contains(fragment), qPrintable(u"detail: "_s + rendered.error().detail()));
}

void TestTemplate::validate_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("earlier");
    QTest::addColumn<QString>("fragment"); // empty: valid
    const QStringList a{u"a"_s};

    QTest::addRow("payload path") << QByteArray(R"("${payload.a.b}")") << a << QString();
    QTest::addRow("whole payload") << QByteArray(R"("${payload}")") << a << QString();
    QTest::addRow("step output") << QByteArray(R"("${steps.a.output}")") << a << QString();
    QTest::addRow("step output path") << QByteArray(R"("x ${steps.a.output.items.0} y")") << a << QString();
    QTest::addRow("step status") << QByteArray(R"("${steps.a.status}")") << a << QString();
    QTest::addRow("run fields") << QByteArray(R"("${run.id}/${run.workflow_id}")") << a << QString();
    QTest::addRow("no templates") << QByteArray(R"({"a": [1, true, null, "text $ and }"]})") << a << QString();
    QTest::addRow("escaped") << QByteArray(R"("$${steps.zz.output} $${")") << QStringList() << QString();
    QTest::addRow("keys ignored") << QByteArray(R"({"${bad}": "${payload.x}"})") << a << QString();

    QTest::addRow("unknown root") << QByteArray(R"("${paylod.user_id}")") << a
                                  << u"w: unknown template root 'paylod' in \"${paylod.user_id}\""_s;
    QTest::addRow("unterminated") << QByteArray(R"("abc ${payload.a")") << a
                                  << u"w: unterminated template in \"abc ${payload.a\""_s;
    QTest::addRow("unterminated before another") << QByteArray(R"("${payload.a ${payload.b}")") << a
                                                 << u"w: unterminated template"_s;
    QTest::addRow("lone opener") << QByteArray(R"("${")") << a << u"unterminated template"_s;
    QTest::addRow("empty") << QByteArray(R"("x ${} y")") << a << u"w: empty template \"${}\""_s;
    QTest::addRow("empty last segment") << QByteArray(R"("${payload.}")") << a << u"empty path segment in template \"${payload.}\""_s;
    QTest::addRow("empty first segment") << QByteArray(R"("${.a}")") << a << u"empty path segment"_s;
    QTest::addRow("brace inside") << QByteArray(R"("${payload.a{b}")") << a << u"invalid character in template"_s;
    QTest::addRow("steps alone") << QByteArray(R"("${steps}")") << a << u"must name a step"_s;
    QTest::addRow("later step") << QByteArray(R"("${steps.b.output}")") << a
                                << u"w: template \"${steps.b.output}\" refers to step 'b', which is not an earlier step"_s;
    QTest::addRow("no steps before") << QByteArray(R"("${steps.a.output}")") << QStringList() << u"refers to step 'a'"_s;
    QTest::addRow("step without field") << QByteArray(R"("${steps.a}")") << a << u"must continue with .output or .status after steps.a"_s;
    QTest::addRow("step unknown field") << QByteArray(R"("${steps.a.result}")") << a << u"must continue with .output or .status"_s;
    QTest::addRow("status path") << QByteArray(R"("${steps.a.status.code}")") << a << u"steps.a.status has no fields"_s;
    QTest::addRow("run alone") << QByteArray(R"("${run}")") << a << u"must name a run field (id or workflow_id)"_s;
    QTest::addRow("run unknown field") << QByteArray(R"("${run.status}")") << a
                                       << u"unknown run field 'status' in \"${run.status}\" (known: id, workflow_id)"_s;
    QTest::addRow("run field path") << QByteArray(R"("${run.id.x}")") << a << u"run.id has no fields"_s;
    QTest::addRow("nested location") << QByteArray(R"({"a": {"b": [1, "${x}"]}})") << a << u"w.a.b[1]: unknown template root 'x'"_s;
    QTest::addRow("second template bad") << QByteArray(R"(" ${payload.x} ${nope.y}")") << a << u"unknown template root 'nope'"_s;
    QTest::addRow("spaces are not trimmed") << QByteArray(R"("${ payload.x }")") << a << u"unknown template root ' payload'"_s;
}

void TestTemplate::validate()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, earlier);
    QFETCH(QString, fragment);
    const Problem problem = TemplateEngine::validate(parseJson(input), earlier, u"w"_s);
    if (fragment.isEmpty()) {
        QVERIFY2(!problem, qPrintable(problem ? problem->detail() : QString()));
        return;
    }
    QVERIFY2(problem, "accepted");
    QCOMPARE(problem->kind(), Error::Kind::Invalid);
    QVERIFY2(problem->detail().contains(fragment), qPrintable(u"detail: "_s + problem->detail()));
}

void TestTemplate::validateWithoutLocation()
{
    const Problem problem = TemplateEngine::validate(QJsonValue(u"${x}"_s), {}, QString());
    QVERIFY(problem);
    QCOMPARE(problem->detail(), u"unknown template root 'x' in \"${x}\""_s);
    const Problem nested = TemplateEngine::validate(QJsonObject{{u"k"_s, u"${x}"_s}}, {}, QString());
    QVERIFY(nested);
    QCOMPARE(nested->detail(), u"k: unknown template root 'x' in \"${x}\""_s);
}

QTEST_GUILESS_MAIN(TestTemplate)
#include "tst_template.moc"
