// The HTTP layer without a socket: the router, the per-connection order of answers, Reply, and
// the API's real controllers driven through a recording ReplySink. Also the OpenAPI document
// against the router: every route the server registers is documented, and nothing else.
#include "api/docscontroller.h"
#include "app/apiendpoints.h"
#include "app/apithread.h"

#include "core/json.h"
#include "db/database.h"
#include "db/databaseurl.h"
#include "http/connectionsequencer.h"
#include "http/reply.h"
#include "http/router.h"
#include "steps/builtinsteps.h"
#include "store/scalingstore.h"
#include "store/triggerbatcher.h"

#include <QFile>
#include <QJsonArray>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

// What a connection would have written, in order.
class RecordingSink : public http::ReplySink
{
public:
    quint64 take() override { return m_sequencer.take(); }
    void complete(quint64 ticket, QByteArray bytes, bool closeAfter) override
    {
        m_sequencer.complete(ticket, std::move(bytes), closeAfter);
    }

    QList<QByteArray> written;
    bool closed = false;

private:
    http::ConnectionSequencer m_sequencer{[this](const QByteArray &bytes, bool close) {
        if (closed)
            return false;
        written.append(bytes);
        closed = close;
        return true;
    }};
};

http::HttpRequest request(const QByteArray &method, const QString &path)
{
    http::HttpRequest request;
    request.method = method;
    request.path = path;
    return request;
}

int statusOf(const QByteArray &response)
{
    return response.mid(9, 3).toInt(); // "HTTP/1.1 200 OK"
}

QByteArray bodyOf(const QByteArray &response)
{
    return response.mid(response.indexOf("\r\n\r\n") + 4);
}

// The API's real endpoints and routes, over a database pool with no connections.
struct RealEndpoints
{
    db::Database database{*db::DatabaseUrl::parse(QStringLiteral("postgresql://nobody@127.0.0.1:1/none")), 0, 1};
    TriggerBatcher triggers{database};
    ScalingStore scaling{database};
    const StepRegistry steps = steps::builtinSteps();
    app::ApiServices services = [this] {
        app::ApiServices wired;
        wired.database = &database;
        wired.triggers = &triggers;
        wired.steps = &steps;
        wired.scaling = &scaling;
        wired.instanceId = "unit";
        return wired;
    }();
    QObject context;
    app::ApiEndpoints endpoints{&context, services, nullptr};
    http::Router router = [this] {
        http::Router routes;
        endpoints.registerRoutes(routes);
        return routes;
    }();
};

} // namespace

class TestHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routerMatchesMethodAndPath();
    void answersLeaveInRequestOrder();
    void firstSendWinsAndUnsentRepliesAnswer500();
    void controllersAnswerWithoutASocket();
    void everyRouteIsDocumented();
};

void TestHttp::routerMatchesMethodAndPath()
{
    http::Router router;
    QStringList seen;
    router.add("GET", u"/api/v1/runs/{id}"_s, [&](const http::HttpRequest &, const http::PathArgs &args, const http::Reply &reply) {
        seen.append(u"get "_s + args.value(0));
        reply.send(http::HttpResponse::json({}));
    });
    router.add("POST", u"/api/v1/runs/{id}/cancel"_s, [&](const http::HttpRequest &, const http::PathArgs &args, const http::Reply &reply) {
        seen.append(u"cancel "_s + args.value(0));
        reply.send(http::HttpResponse::json({}));
    });
    QCOMPARE(router.routes(), (QStringList{u"GET /api/v1/runs/{id}"_s, u"POST /api/v1/runs/{id}/cancel"_s}));

    RecordingSink sink;
    router.dispatch(request("GET", u"/api/v1/runs/abc"_s), http::Reply(&sink, "test", false, false));
    router.dispatch(request("HEAD", u"/api/v1/runs/abc/"_s), http::Reply(&sink, "test", false, true));
    router.dispatch(request("POST", u"/api/v1/runs/x/cancel"_s), http::Reply(&sink, "test", false, false));
    router.dispatch(request("DELETE", u"/api/v1/runs/abc"_s), http::Reply(&sink, "test", false, false));
    router.dispatch(request("GET", u"/api/v1/nothing"_s), http::Reply(&sink, "test", false, false));
    QCOMPARE(seen, (QStringList{u"get abc"_s, u"get abc"_s, u"cancel x"_s}));
    QCOMPARE(sink.written.size(), 5);
    QCOMPARE(statusOf(sink.written.at(0)), 200);
    QVERIFY(bodyOf(sink.written.at(1)).isEmpty()); // HEAD: headers only
    QCOMPARE(statusOf(sink.written.at(3)), 405);
    QVERIFY(sink.written.at(3).contains("Allow: GET\r\n"));
    QCOMPARE(statusOf(sink.written.at(4)), 404);
    QCOMPARE(bodyOf(sink.written.at(4)), QByteArray(R"({"detail":"Not Found"})"));
}

void TestHttp::answersLeaveInRequestOrder()
{
    QList<QByteArray> out;
    bool connected = true;
    http::ConnectionSequencer sequencer([&](const QByteArray &bytes, bool) {
        if (!connected)
            return false;
        out.append(bytes);
        return true;
    });
    const quint64 a = sequencer.take();
    const quint64 b = sequencer.take();
    const quint64 c = sequencer.take();
    sequencer.complete(c, "c", false);
    sequencer.complete(b, "b", false);
    QVERIFY(out.isEmpty()); // a still works
    QCOMPARE(sequencer.pending(), 3);
    sequencer.complete(a, "a", false);
    QCOMPARE(out, (QList<QByteArray>{"a", "b", "c"}));

    // A closing answer is the last: what comes after it is dropped.
    const quint64 d = sequencer.take();
    const quint64 e = sequencer.take();
    sequencer.complete(e, "e", false);
    out.clear();
    QList<bool> closes;
    http::ConnectionSequencer closing([&](const QByteArray &bytes, bool close) {
        out.append(bytes);
        closes.append(close);
        return true;
    });
    const quint64 f = closing.take();
    const quint64 g = closing.take();
    closing.complete(f, "f", true);
    closing.complete(g, "g", false);
    QCOMPARE(out, QList<QByteArray>{"f"});
    QCOMPARE(closes, QList<bool>{true});
    QCOMPARE(closing.pending(), 0);

    // A connection that went away takes nothing more, and nothing waits for it.
    connected = false;
    sequencer.complete(d, "d", false);
    QCOMPARE(sequencer.pending(), 0);
}

void TestHttp::firstSendWinsAndUnsentRepliesAnswer500()
{
    RecordingSink sink;
    const int before = http::Reply::inFlight();
    {
        const http::Reply reply(&sink, "instance-7", false, false);
        QCOMPARE(http::Reply::inFlight(), before + 1);
        reply.send(http::HttpResponse::json({{u"a"_s, 1}}));
        reply.send(http::HttpResponse::error(500, u"too late"_s));
        QVERIFY(reply.sent());
    }
    QCOMPARE(http::Reply::inFlight(), before);
    QCOMPARE(sink.written.size(), 1);
    QCOMPARE(bodyOf(sink.written.at(0)), QByteArray(R"({"a":1})"));
    QVERIFY(sink.written.at(0).contains("X-Instance-Id: instance-7"));
    {
        const http::Reply forgotten(&sink, "instance-7", true, false);
        Q_UNUSED(forgotten)
    }
    // A bug that drops a reply must not stall the connection: it answers 500, and closes as asked.
    QCOMPARE(sink.written.size(), 2);
    QCOMPARE(statusOf(sink.written.at(1)), 500);
    QVERIFY(sink.closed);
    QCOMPARE(http::Reply::inFlight(), before);

    // A reply whose connection is gone is dropped without touching it.
    auto *gone = new RecordingSink;
    const http::Reply orphan(gone, "x", false, false);
    delete gone;
    orphan.send(http::HttpResponse::json({}));
    QVERIFY(orphan.sent());
}

void TestHttp::controllersAnswerWithoutASocket()
{
    // Routes that need no database answer; nothing here reaches PostgreSQL.
    RealEndpoints real;
    http::Router &router = real.router;

    RecordingSink sink;
    router.dispatch(request("GET", u"/"_s), http::Reply(&sink, "unit", false, false));
    router.dispatch(request("GET", u"/health"_s), http::Reply(&sink, "unit", false, false));
    router.dispatch(request("GET", u"/openapi.json"_s), http::Reply(&sink, "unit", false, false));
    router.dispatch(request("GET", u"/metrics"_s), http::Reply(&sink, "unit", false, false));
    // Malformed input is refused before any storage is asked.
    router.dispatch(request("GET", u"/api/v1/runs/not-an-id"_s), http::Reply(&sink, "unit", false, false));
    http::HttpRequest noBody = request("POST", u"/api/v1/workflows"_s);
    noBody.headers.insert("content-type", "application/json");
    noBody.body = "{";
    router.dispatch(noBody, http::Reply(&sink, "unit", false, false));
    QTRY_COMPARE(sink.written.size(), 6);
    QCOMPARE(bodyOf(sink.written.at(0)), QByteArray(R"({"message":"Workflow Automation Platform"})"));
    QCOMPARE(bodyOf(sink.written.at(1)), QByteArray(R"({"status":"ok"})"));
    QCOMPARE(statusOf(sink.written.at(2)), 200);
    QVERIFY(sink.written.at(2).contains("Content-Type: application/json"));
    QCOMPARE(json::parse(bodyOf(sink.written.at(2)))->toObject().value(u"openapi"_s).toString(), u"3.1.0"_s);
    QCOMPARE(statusOf(sink.written.at(3)), 200);
    QVERIFY(sink.written.at(3).contains("Content-Type: text/plain; version=0.0.4"));
    QVERIFY(bodyOf(sink.written.at(3)).contains("\nprocess_resident_memory_bytes "));
    QVERIFY(bodyOf(sink.written.at(3)).contains("# TYPE process_open_fds gauge"));
    QCOMPARE(statusOf(sink.written.at(4)), 404);
    QCOMPARE(statusOf(sink.written.at(5)), 400);
    QVERIFY(!json::parse(bodyOf(sink.written.at(5)))->toObject().value(u"detail"_s).toString().isEmpty());
}

void TestHttp::everyRouteIsDocumented()
{
    RealEndpoints real;
    const QStringList routes = real.router.routes();

    const QJsonObject paths = json::parse(api::DocsController::document())->toObject().value(u"paths"_s).toObject();
    QStringList documented;
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject operations = path.value().toObject();
        for (auto operation = operations.begin(); operation != operations.end(); ++operation) {
            static const QStringList methods{u"get"_s, u"put"_s, u"post"_s, u"delete"_s, u"patch"_s, u"head"_s, u"options"_s};
            if (methods.contains(operation.key()))
                documented.append(operation.key().toUpper() + u' ' + path.key());
        }
    }
    QStringList sortedRoutes = routes;
    sortedRoutes.sort();
    documented.sort();
    QCOMPARE(documented, sortedRoutes);

    // The same list for the OpenAPI validator test (tests/openapi), which checks it with node.
    const QString out = qEnvironmentVariable("WF_OPENAPI_ROUTES_OUT");
    if (!out.isEmpty()) {
        QFile file(out);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(routes.join(u'\n').toUtf8() + '\n');
    }
}

QTEST_GUILESS_MAIN(TestHttp)
#include "tst_http.moc"
