// Requests as the API receives them once QtHttpServer has read their bytes: a request line, header
// lines and a body (the corpus's files look like that), turned into an HttpRequest the way the
// server does (HttpRequest::fromParts), then answered by ApiServer::answer with the server's own
// admission (the Gatekeeper, WF_AUTH=open and =required) and the real route table and controllers
// (ApiEndpoints) over a database that refuses every job at once: whatever gets past the decoding
// reaches storage and is answered 503 "shutting down" without a thread, a socket or PostgreSQL.
// Invariants, for every request in both modes:
//   - exactly one answer, well-formed, never a 500 (a dropped reply or a failed decoding);
//   - an error is a 4xx (or the 503 of storage) with a {"detail": "…"} body;
//   - a handler of /api/v1/admin/… runs only for an operator key, one of another non-public
//     route only for a valid key under WF_AUTH=required;
//   - only public routes (and the stats, which answer without the database) answer 2xx;
//   - what reached storage was accepted: its body and query decode again, unchanged, from the
//     form they are stored or echoed in.
// WF_FUZZ_VERBOSE=1 build-fuzz/bin/fuzz_request <file> prints what each mode answered.
#include "api/accesspolicy.h"
#include "api/gatekeeper.h"
#include "api/requestbody.h"
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
#include "steps/builtinsteps.h"
#include "store/runquery.h"
#include "store/scalingstore.h"
#include "store/triggerbatcher.h"
#include "store/triggerrequest.h"
#include "workflow/workflowdefinition.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QUrl>

#include <cstdint>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

// The keys the corpus uses (tests/fuzz/corpus/request): a client key, an operator key and the
// bootstrap operator token (WF_ADMIN_TOKEN).
const QByteArray kClientToken = "wf_c11e00000001_" + QByteArray(43, 'C');
const QByteArray kOperatorToken = "wf_0be000000001_" + QByteArray(43, 'O');
const QByteArray kBootstrapToken = "bootstrap-operator-token-for-the-request-fuzzer";
const QString kStorage = u"the database pool is shutting down"_s;

[[noreturn]] void broken(const char *invariant, const QByteArray &response)
{
    std::fprintf(stderr, "broken invariant: %s\nresponse:\n%.*s\n", invariant, int(qMin<qsizetype>(response.size(), 2000)),
                 response.constData());
    __builtin_trap();
}

struct Response
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

Response parseResponse(const QByteArray &bytes)
{
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (!bytes.startsWith("HTTP/1.1 ") || end < 0)
        broken("not an HTTP/1.1 response", bytes);
    Response response;
    const QList<QByteArray> lines = bytes.left(end).split('\n');
    bool ok = false;
    response.status = lines.first().mid(9, 3).toInt(&ok);
    if (!ok)
        broken("no status code", bytes);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.contains('\r'))
            broken("a malformed header line", bytes);
        response.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
    }
    response.body = bytes.mid(end + 4);
    return response;
}

// The request as QtHttpServer would hand it over: "METHOD target [HTTP/1.1]", "Name: value"
// lines, a blank line, the body.
http::HttpRequest parseRequest(const QByteArray &input)
{
    qsizetype headEnd = input.indexOf("\n\n");
    qsizetype bodyStart = headEnd + 2;
    if (const qsizetype crlf = input.indexOf("\r\n\r\n"); crlf >= 0 && (headEnd < 0 || crlf < headEnd)) {
        headEnd = crlf;
        bodyStart = crlf + 4;
    }
    const QByteArray head = headEnd < 0 ? input : input.left(headEnd);
    QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.takeFirst().trimmed().split(' ');
    static const QList<QByteArray> methods{"GET", "PUT", "DELETE", "POST", "HEAD", "OPTIONS", "PATCH", "CONNECT", "TRACE"};
    const QByteArray method = methods.contains(requestLine.value(0)) ? requestLine.value(0) : QByteArray("UNKNOWN");
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QByteArray &line : std::as_const(lines)) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    http::HttpRequest request = http::HttpRequest::fromParts(method, QUrl::fromEncoded(requestLine.value(1, "/")), headers,
                                                             headEnd < 0 ? QByteArray() : input.mid(bodyStart));
    request.peerAddress = QHostAddress::LocalHost;
    return request;
}

bool isPublicRoute(const QString &route)
{
    return route == u"/"_s || route == u"/health"_s || route == u"/health/ready"_s || route == u"/openapi.json"_s
            || route == u"/metrics"_s;
}

// What was stored can be read back and is accepted again, unchanged.
void checkAccepted(const http::HttpRequest &request, const QString &route, const StepCatalog &steps, const QByteArray &response)
{
    const QByteArray method = request.method == "HEAD" ? QByteArray("GET") : request.method;
    const QString key = QString::fromUtf8(method) + u' ' + route;
    if (key == u"POST /api/v1/trigger"_s || key == u"POST /api/v1/workflows"_s || key == u"PUT /api/v1/workflows/{id}"_s
        || key == u"PUT /api/v1/admin/scaling/{component}"_s || key == u"POST /api/v1/admin/keys"_s) {
        const Result<QJsonValue> body = api::jsonBody(request);
        if (!body)
            broken("a body the controller accepted is refused", response);
        http::HttpRequest again;
        again.body = json::serialize(*body);
        const Result<QJsonValue> reread = api::jsonBody(again);
        if (!reread || *reread != *body)
            broken("an accepted body does not read back from its serialised form", response);
        if (key == u"POST /api/v1/trigger"_s) {
            const QString idempotencyKey = QString::fromLatin1(request.header("idempotency-key"));
            const auto first = TriggerRequest::fromJson(*body, idempotencyKey);
            const auto second = TriggerRequest::fromJson(*reread, idempotencyKey);
            if (!first || !second || first->workflowId != second->workflowId || first->payload != second->payload
                || json::parse(json::serialize(first->payload)) != QJsonValue(first->payload))
                broken("an accepted trigger does not survive its stored form", response);
        } else if (key.contains(u"workflows"_s)) {
            const auto definition = WorkflowDefinition::fromJson(*body, steps);
            if (!definition)
                broken("an accepted definition is refused", response);
            const QJsonObject stored{{u"name"_s, definition->name}, {u"steps"_s, definition->stepsToJson()}};
            const auto again = WorkflowDefinition::fromJson(stored, steps);
            if (!again || again->steps.size() != definition->steps.size())
                broken("an accepted definition is refused in its stored form", response);
        }
    } else if (key == u"GET /api/v1/runs"_s || key == u"GET /api/v1/workflows"_s) {
        const auto query = RunQuery::parse(request.queryValue(u"limit"_s), request.queryValue(u"cursor"_s),
                                           key.endsWith(u"runs"_s) ? request.queryValue(u"status"_s) : QString(),
                                           key.endsWith(u"runs"_s) ? request.queryValue(u"workflow_id"_s) : QString());
        if (!query)
            broken("a query the controller accepted is refused", response);
        // The cache key's form of the page (and the next_cursor a client gets back) decodes to it.
        QString canonical = query->page.canonicalCursor();
        if (canonical.startsWith(u'@'))
            canonical.remove(0, 1);
        const auto again = PageRequest::parse(QString::number(query->page.limit), canonical);
        if (!again || again->limit != query->page.limit || again->afterId != query->page.afterId
            || again->cursor.has_value() != query->page.cursor.has_value()
            || (again->cursor && (again->cursor->micros != query->page.cursor->micros || again->cursor->id != query->page.cursor->id)))
            broken("a page request does not survive its canonical form", response);
    }
}

struct Harness
{
    db::Database database{*db::DatabaseUrl::parse(u"postgresql://nobody@127.0.0.1:1/none"_s), 0, 1};
    TriggerBatcher triggers{database};
    ScalingStore scaling{database};
    auth::KeyRing keys;
    QList<auth::KeyRing::Entry> entries;
    const StepRegistry steps = steps::builtinSteps();
    app::ApiServices services;
    http::ApiServer server{{"fuzz", 4096, {}, {}}};
    std::unique_ptr<app::ApiEndpoints> endpoints;
    std::unique_ptr<api::Gatekeeper> open;
    std::unique_ptr<api::Gatekeeper> required;

    Harness()
    {
        database.shutdown(); // every job is refused at once, on the caller's thread
        const auto client = auth::ApiToken::parse(kClientToken);
        const auto operatorKey = auth::ApiToken::parse(kOperatorToken);
        entries = {{client->id, u"fuzz-client"_s, auth::Role::Client, client->digest()},
                   {operatorKey->id, u"fuzz-operator"_s, auth::Role::Operator, operatorKey->digest()}};
        keys.setBootstrapToken(kBootstrapToken);
        keys.replace(entries);
        services.database = &database;
        services.triggers = &triggers;
        services.steps = &steps;
        services.scaling = &scaling;
        services.keys = &keys;
        services.instanceId = "fuzz";
        endpoints = std::make_unique<app::ApiEndpoints>(&server, services, nullptr);
        endpoints->registerRoutes(server.router());
        open = std::make_unique<api::Gatekeeper>(&server, keys, api::Gatekeeper::Mode::Open, 0);
        required = std::make_unique<api::Gatekeeper>(&server, keys, api::Gatekeeper::Mode::Required, 0);
    }

    void check(const http::HttpRequest &request, api::Gatekeeper &gate, bool keyRequired)
    {
        QString caller;
        bool admitted = false;
        server.setAdmission([&](const http::HttpRequest &incoming, const http::Reply &reply, api::Gatekeeper::Proceed proceed) {
            gate.admit(incoming, reply, [&caller, &admitted, proceed](const QString &who) {
                admitted = true;
                caller = who;
                proceed(who);
            });
        });
        QList<QByteArray> written; // what the connection would have written
        http::ConnectionSequencer sink([&written](const QByteArray &bytes, bool) {
            written.append(bytes);
            return true;
        });
        auto route = std::make_shared<QString>();
        server.answer(request, http::Reply(&sink, "fuzz", false, request.method == "HEAD"), route);
        // A key nobody knows waits for the ring's next refresh: that is now.
        keys.replace(entries);
        for (int i = 0; i < 8 && written.isEmpty(); ++i)
            QCoreApplication::processEvents();
        if (written.size() != 1)
            broken("not exactly one answer", written.join("\n----\n"));
        const QByteArray &bytes = written.first();
        const Response response = parseResponse(bytes);
        static const bool verbose = qEnvironmentVariableIsSet("WF_FUZZ_VERBOSE");
        if (verbose)
            std::fprintf(stderr, "%s %s -> route %s, caller \"%s\": %d %.*s\n", keyRequired ? "required" : "open",
                         request.method.constData(), qPrintable(route->isEmpty() ? u"(none)"_s : *route), qPrintable(caller),
                         response.status, int(qMin<qsizetype>(response.body.size(), 160)), response.body.constData());
        static const QList<int> known{200, 201, 202, 204, 400, 401, 403, 404, 405, 409, 413, 415, 429, 503};
        if (!known.contains(response.status))
            broken("an unexpected status", bytes);
        if (response.status != 204 && response.headers.value("content-length") != QByteArray::number(response.body.size())
            && request.method != "HEAD")
            broken("Content-Length is not the body's length", bytes);
        if (request.method == "HEAD" && !response.body.isEmpty())
            broken("a HEAD answer with a body", bytes);

        // Who got in where.
        if (!route->isEmpty()) {
            if (!admitted)
                broken("a handler ran without the admission", bytes);
            const bool operatorKey = caller == u"key:"_s + entries.at(1).id || caller == u"key:bootstrap"_s;
            if (route->startsWith(u"/api/v1/admin/"_s) && !operatorKey)
                broken("an admin route ran without an operator key", bytes);
            if (keyRequired && !isPublicRoute(*route) && caller.isEmpty())
                broken("a keyed route ran without a key under WF_AUTH=required", bytes);
            if (api::AccessPolicy::requiredRole(*route) != api::AccessPolicy::requiredRole(request.path))
                broken("the access policy judges the path and its route differently", bytes);
        }

        // What the answer says.
        if (response.status < 300) {
            if (!isPublicRoute(*route) && *route != u"/api/v1/admin/stats"_s)
                broken("a 2xx from a route that needs the database", bytes);
            return;
        }
        if (request.method == "HEAD")
            return;
        if (response.status == 503 && *route == u"/health/ready"_s)
            return; // readiness: {"status": "unavailable", "checks": …}
        const auto body = json::parse(response.body);
        const QString detail = body && body->isObject() ? body->toObject().value(u"detail"_s).toString() : QString();
        if (detail.isEmpty())
            broken("an error without {\"detail\"}", bytes);
        if (response.status == 405 && response.headers.value("allow").isEmpty())
            broken("a 405 without Allow", bytes);
        if (response.status == 503) {
            if (detail != kStorage || route->isEmpty())
                broken("a 503 that is not the refusal of storage", bytes);
            checkAccepted(request, *route, steps, bytes);
        }
    }
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static int appArgc = 1;
    static char *appArgv[] = {(*argv)[0], nullptr};
    Q_UNUSED(argc)
    new QCoreApplication(appArgc, appArgv); // for the whole run
    QLoggingCategory::setFilterRules(u"*=false"_s); // "unanswered request" and friends are checked, not printed
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Harness *harness = new Harness;
    const http::HttpRequest request = parseRequest(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    harness->check(request, *harness->open, false);
    harness->check(request, *harness->required, true);
    return 0;
}
