// The HTTP layer without a socket: the router, the per-connection order of answers, Reply, and
// the API's real controllers driven through a recording ReplySink. Also the OpenAPI document
// against the router: every route the server registers is documented, and nothing else.
#include "api/accesspolicy.h"
#include "api/docscontroller.h"
#include "api/gatekeeper.h"
#include "app/apiendpoints.h"
#include "app/apithread.h"

#include "auth/apitoken.h"
#include "auth/keyring.h"
#include "core/json.h"
#include "db/database.h"
#include "db/databaseurl.h"
#include "http/apiserver.h"
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
    auth::KeyRing keys;
    const StepRegistry steps = steps::builtinSteps();
    app::ApiServices services = [this] {
        app::ApiServices wired;
        wired.database = &database;
        wired.triggers = &triggers;
        wired.steps = &steps;
        wired.scaling = &scaling;
        wired.keys = &keys;
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
    void requestsAreBuiltFromWhatTheParserRead();
    void answersLeaveInRequestOrder();
    void firstSendWinsAndUnsentRepliesAnswer500();
    void controllersAnswerWithoutASocket();
    void scalingChangesAreCheckedBeforeStorage();
    void routesNeedTheKeysOfTheirGroup();
    void theGatekeeperAdmitsByKeyAndRole();
    void anUnknownKeyGetsOneMoreLookAfterARefresh();
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

void TestHttp::requestsAreBuiltFromWhatTheParserRead()
{
    // The target as QtHttpServer keeps it (QUrl::fromEncoded): the path decoded, without the
    // query or trailing slashes; header names in lower case.
    const http::HttpRequest parsed = http::HttpRequest::fromParts(
            "GET", QUrl::fromEncoded("/api/v1/r%75ns/?limit=2&cursor=a%2Bb&status=ok"),
            {{"Content-Type", "application/json"}, {"X-Forwarded-For", "203.0.113.9"}}, "{}");
    QCOMPARE(parsed.path, u"/api/v1/runs"_s);
    QCOMPARE(parsed.queryValue(u"limit"_s), u"2"_s);
    QCOMPARE(parsed.queryValue(u"cursor"_s), u"a+b"_s);
    QCOMPARE(parsed.header("content-type"), QByteArray("application/json"));
    QCOMPARE(parsed.header("x-forwarded-for"), QByteArray("203.0.113.9"));
    QCOMPARE(parsed.body, QByteArray("{}"));
    QCOMPARE(http::HttpRequest::fromParts("GET", QUrl::fromEncoded(""), {}, {}).path, u"/"_s);
    QCOMPARE(http::HttpRequest::fromParts("GET", QUrl::fromEncoded("///"), {}, {}).path, u"/"_s);

    // After parsing: the body limit, then the admission, then the router.
    http::ApiServer server({"unit", 8, {}, {}});
    server.router().add("POST", u"/echo"_s, [](const http::HttpRequest &request, const http::PathArgs &, const http::Reply &reply) {
        reply.send(http::HttpResponse::json({{u"caller"_s, request.caller}}));
    });
    QStringList admitted;
    server.setAdmission([&](const http::HttpRequest &request, const http::Reply &, std::function<void(const QString &)> proceed) {
        admitted.append(request.path);
        proceed(u"key:abc"_s);
    });
    RecordingSink sink;
    auto route = std::make_shared<QString>();
    server.answer(request("POST", u"/echo"_s), http::Reply(&sink, "unit", false, false), route);
    http::HttpRequest large = request("POST", u"/echo"_s);
    large.body = "123456789";
    server.answer(large, http::Reply(&sink, "unit", false, false));
    QCOMPARE(sink.written.size(), 2);
    QCOMPARE(bodyOf(sink.written.at(0)), QByteArray(R"({"caller":"key:abc"})"));
    QCOMPARE(*route, u"/echo"_s);
    QCOMPARE(statusOf(sink.written.at(1)), 413);
    QCOMPARE(admitted, QStringList{u"/echo"_s}); // the large one never reached the admission
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

void TestHttp::scalingChangesAreCheckedBeforeStorage()
{
    RealEndpoints real;
    RecordingSink sink;
    const QList<QByteArray> bodies{R"({"replicas":1e300})", R"({"max":-1e300})", R"({"min":9.3e18})", R"({"replicas":-1})",
                                   R"({"replicas":2.5})", R"({"replicas":10001})", R"({"autoscale":"yes"})", R"({"reason":"x"})",
                                   R"([5])"};
    for (const QByteArray &body : bodies) {
        http::HttpRequest change = request("PUT", u"/api/v1/admin/scaling/worker"_s);
        change.body = body;
        real.router.dispatch(change, http::Reply(&sink, "unit", false, false));
    }
    QCOMPARE(sink.written.size(), bodies.size());
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        QVERIFY2(statusOf(sink.written.at(i)) == 400, bodies.at(i).constData());
        QVERIFY(!json::parse(bodyOf(sink.written.at(i)))->toObject().value(u"detail"_s).toString().isEmpty());
    }
}

void TestHttp::routesNeedTheKeysOfTheirGroup()
{
    using auth::Role;
    for (const QString &open : {u"/"_s, u"/health"_s, u"/health/ready"_s, u"/openapi.json"_s, u"/docs"_s, u"/metrics"_s})
        QVERIFY2(!api::AccessPolicy::requiredRole(open), qPrintable(open));
    for (const QString &admin : {u"/api/v1/admin"_s, u"/api/v1/admin/keys"_s, u"/api/v1/admin/scaling/worker"_s,
                                 u"/api/v1/admin/stats/history"_s, u"/api/v1/admin/nothing-here"_s})
        QCOMPARE(api::AccessPolicy::requiredRole(admin), Role::Operator);
    for (const QString &client : {u"/api/v1/workflows"_s, u"/api/v1/trigger"_s, u"/api/v1/runs/x/events"_s,
                                  u"/api/v1/administrator"_s, u"/healthz"_s, u"/metrics/x"_s, u"/unknown"_s})
        QCOMPARE(api::AccessPolicy::requiredRole(client), Role::Client);
    // Judged as the router matches paths: empty segments and trailing slashes reach the same
    // route, so they need the same key (the request fuzzer found /api/v1//admin/keys judged as a
    // client route while the router answered it as the admin route).
    for (const QString &admin : {u"/api/v1//admin/keys"_s, u"//api/v1/admin"_s, u"/api//v1/admin/scaling/worker/"_s})
        QCOMPARE(api::AccessPolicy::requiredRole(admin), Role::Operator);
    QVERIFY(!api::AccessPolicy::requiredRole(u"//health/"_s));
    // Every registered route falls in one of the groups (none is public by accident).
    RealEndpoints real;
    for (const QString &route : real.router.routes()) {
        const QString path = route.section(u' ', 1);
        const bool isPublic = !api::AccessPolicy::requiredRole(path);
        QVERIFY2(isPublic == (path == u"/"_s || path.startsWith(u"/health"_s) || path == u"/openapi.json"_s
                              || path == u"/docs"_s || path == u"/metrics"_s),
                 qPrintable(route));
    }
}

namespace {

// One admission through `gate`: the status it answered with, or 0 when it let the request
// through (`caller` then says as whom).
struct Admission
{
    int status = -1;
    QString caller;
    QByteArray response;
};

Admission admit(api::Gatekeeper &gate, const QString &path, const QByteArray &authorization)
{
    http::HttpRequest incoming = request("GET", path);
    if (!authorization.isEmpty())
        incoming.headers.insert("authorization", authorization);
    auto sink = std::make_shared<RecordingSink>();
    auto result = std::make_shared<Admission>();
    gate.admit(incoming, http::Reply(sink.get(), "unit", false, false), [result](const QString &caller) {
        result->status = 0;
        result->caller = caller;
    });
    [[maybe_unused]] const bool settled = QTest::qWaitFor([&] { return result->status == 0 || !sink->written.isEmpty(); }, 5000);
    // Let through, the reply was dropped unanswered here (the 500 of a bug): not the gate's answer.
    if (result->status != 0 && !sink->written.isEmpty()) {
        result->status = statusOf(sink->written.first());
        result->response = sink->written.first();
    }
    return *result;
}

} // namespace

void TestHttp::theGatekeeperAdmitsByKeyAndRole()
{
    QObject context;
    auth::KeyRing ring;
    const auth::ApiToken client = auth::ApiToken::generate();
    const auth::ApiToken operatorKey = auth::ApiToken::generate();
    ring.replace({{client.id, u"ci"_s, auth::Role::Client, client.digest()},
                  {operatorKey.id, u"ops"_s, auth::Role::Operator, operatorKey.digest()}});
    api::Gatekeeper required(&context, ring, api::Gatekeeper::Mode::Required, 300);
    api::Gatekeeper open(&context, ring, api::Gatekeeper::Mode::Open, 300);
    const QByteArray clientAuth = "Bearer " + client.text();
    const QByteArray operatorAuth = "bearer " + operatorKey.text();

    // Public routes: nobody is asked.
    QCOMPARE(admit(required, u"/health"_s, {}).status, 0);
    QCOMPARE(admit(required, u"/metrics"_s, "Bearer garbage").status, 0);
    // Client routes.
    const Admission missing = admit(required, u"/api/v1/workflows"_s, {});
    QCOMPARE(missing.status, 401);
    QVERIFY(missing.response.contains("WWW-Authenticate: Bearer"));
    QVERIFY(bodyOf(missing.response).contains("\"detail\""));
    QCOMPARE(admit(open, u"/api/v1/workflows"_s, {}).status, 0);
    QCOMPARE(admit(open, u"/api/v1/workflows"_s, {}).caller, QString());
    const Admission asClient = admit(required, u"/api/v1/trigger"_s, clientAuth);
    QCOMPARE(asClient.status, 0);
    QCOMPARE(asClient.caller, u"key:"_s + client.id);
    QCOMPARE(admit(required, u"/api/v1/runs"_s, operatorAuth).status, 0);
    QCOMPARE(admit(required, u"/api/v1/runs"_s, "Basic dXNlcjpwYXNz").status, 401);
    QCOMPARE(admit(required, u"/api/v1/runs"_s, "Bearer").status, 401);
    // Admin routes: an operator key, whatever the mode.
    QCOMPARE(admit(open, u"/api/v1/admin/scaling"_s, {}).status, 401);
    const Admission forbidden = admit(open, u"/api/v1/admin/scaling"_s, clientAuth);
    QCOMPARE(forbidden.status, 403);
    QVERIFY(bodyOf(forbidden.response).contains("operator"));
    QCOMPARE(admit(required, u"/api/v1/admin/keys"_s, operatorAuth).status, 0);
    // A wrong key is refused even where no key is needed to get in: it is a mistake to report.
    QCOMPARE(admit(open, u"/api/v1/workflows"_s, "Bearer " + auth::ApiToken::generate().text()).status, 401);
    // A doubled slash reaches the admin route all the same: it needs an operator key all the same.
    QCOMPARE(admit(open, u"/api/v1//admin/keys"_s, {}).status, 401);
    QCOMPARE(admit(required, u"/api/v1//admin/keys"_s, clientAuth).status, 403);
    // Revoked in this process: refused at once by the next request.
    ring.remove(client.id);
    QCOMPARE(admit(required, u"/api/v1/trigger"_s, clientAuth).status, 401);
}

void TestHttp::anUnknownKeyGetsOneMoreLookAfterARefresh()
{
    QObject context;
    auth::KeyRing ring;
    api::Gatekeeper gate(&context, ring, api::Gatekeeper::Mode::Required, 2000);
    const auth::ApiToken fresh = auth::ApiToken::generate();

    // Before the ring was ever loaded, and no load comes: 503, within the bound.
    {
        api::Gatekeeper quick(&context, ring, api::Gatekeeper::Mode::Required, 200);
        QCOMPARE(admit(quick, u"/api/v1/runs"_s, "Bearer " + fresh.text()).status, 503);
    }
    ring.replace({});
    // Created on another replica after this one's last load: admitted once the ring reloads.
    http::HttpRequest incoming = request("GET", u"/api/v1/runs"_s);
    incoming.headers.insert("authorization", "Bearer " + fresh.text());
    RecordingSink sink;
    QString caller;
    bool through = false;
    gate.admit(incoming, http::Reply(&sink, "unit", false, false), [&](const QString &who) {
        through = true;
        caller = who;
    });
    QCoreApplication::processEvents();
    QVERIFY(!through && sink.written.isEmpty()); // waiting for the refresh
    ring.replace({{fresh.id, u"new"_s, auth::Role::Client, fresh.digest()}});
    QTRY_VERIFY(through);
    QCOMPARE(caller, u"key:"_s + fresh.id);
    QVERIFY(sink.written.isEmpty());
    // Still unknown after the refresh: 401 then, not later.
    QElapsedTimer clock;
    clock.start();
    http::HttpRequest unknown = request("GET", u"/api/v1/runs"_s);
    unknown.headers.insert("authorization", "Bearer " + auth::ApiToken::generate().text());
    RecordingSink refused;
    gate.admit(unknown, http::Reply(&refused, "unit", false, false), [](const QString &) { QFAIL("admitted"); });
    ring.replace({{fresh.id, u"new"_s, auth::Role::Client, fresh.digest()}});
    QTRY_COMPARE(refused.written.size(), 1);
    QCOMPARE(statusOf(refused.written.first()), 401);
    QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
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
