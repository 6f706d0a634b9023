#include "runcontroller.h"

#include "requestbody.h"

#include "core/ids.h"
#include "store/runstore.h"


using namespace Qt::StringLiterals;

namespace wf::api {

RunController::RunController(QObject *context, RunStore &store) : m_context(context), m_store(store) { }

void RunController::registerRoutes(http::Router &router)
{
    using namespace http;
    router.add("POST", u"/api/v1/trigger"_s,
               [this](const HttpRequest &request, const PathArgs &, const Reply &reply) { trigger(request, reply); });
    router.add("GET", u"/api/v1/runs"_s,
               [this](const HttpRequest &request, const PathArgs &, const Reply &reply) { list(request, reply); });
    router.add("GET", u"/api/v1/runs/{id}"_s,
               [this](const HttpRequest &, const PathArgs &args, const Reply &reply) { get(args.at(0), reply); });
}

void RunController::trigger(const http::HttpRequest &request, const http::Reply &reply)
{
    const auto body = jsonBody(request);
    if (!body)
        return reply.send(http::HttpResponse::error(body.error()));
    const auto trigger = TriggerRequest::fromJson(*body, QString::fromLatin1(request.header("idempotency-key")));
    if (!trigger)
        return reply.send(http::HttpResponse::error(trigger.error()));
    m_store.trigger(m_context, *trigger, [reply](Result<TriggerOutcome> outcome) {
        if (!outcome)
            return reply.send(http::HttpResponse::error(outcome.error()));
        http::HttpResponse response =
                http::HttpResponse::json({{u"run_id"_s, outcome->runId}, {u"status"_s, u"triggered"_s}});
        if (outcome->replayed)
            response.withHeader("Idempotent-Replayed", "true");
        reply.send(response);
    });
}

void RunController::get(const QString &id, const http::Reply &reply)
{
    const QString uuid = ids::normalize(id);
    if (uuid.isEmpty())
        return reply.send(http::HttpResponse::error(RunStore::runNotFound()));
    m_store.get(m_context, uuid, [reply](Result<RunRecord> found) {
        if (!found)
            return reply.send(http::HttpResponse::error(found.error()));
        reply.send(http::HttpResponse::json(found->toJson()));
    });
}

void RunController::list(const http::HttpRequest &request, const http::Reply &reply)
{
    const auto query = RunQuery::parse(request.queryValue(u"limit"_s), request.queryValue(u"cursor"_s),
                                       request.queryValue(u"status"_s), request.queryValue(u"workflow_id"_s));
    if (!query)
        return reply.send(http::HttpResponse::error(query.error()));
    m_store.list(m_context, *query, [reply](Result<Page<RunRecord>> listed) {
        if (!listed)
            return reply.send(http::HttpResponse::error(listed.error()));
        reply.send(http::HttpResponse::json(listed->toJson()));
    });
}

} // namespace wf::api
