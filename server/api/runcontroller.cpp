#include "runcontroller.h"

#include "cachedanswer.h"
#include "queryparameter.h"
#include "requestbody.h"

#include "cache/cache.h"
#include "core/json.h"

#include "core/ids.h"
#include "core/tracecontext.h"
#include "metrics/metrics.h"
#include "store/runeventlog.h"
#include "store/runstore.h"

#include <QJsonArray>


using namespace Qt::StringLiterals;

namespace wf::api {

namespace {

void record(RunEventLog *events, const QString &runId, const QString &kind, const QByteArray &traceparent, QJsonObject detail)
{
    if (!events)
        return;
    RunEvent event;
    event.runId = runId;
    event.kind = kind;
    event.traceId = RunEvent::traceIdOf(traceparent);
    event.detail = std::move(detail);
    events->record(std::move(event));
}

} // namespace

RunController::RunController(QObject *context, RunStore &runs, Cache *cache, RunEventLog *events)
    : m_context(context), m_runs(runs), m_cache(cache), m_events(events)
{
}

void RunController::registerRoutes(http::Router &router)
{
    using namespace http;
    router.add("POST", u"/api/v1/trigger"_s,
               [this](const HttpRequest &request, const PathArgs &, const Reply &reply) { trigger(request, reply); });
    router.add("GET", u"/api/v1/runs"_s,
               [this](const HttpRequest &request, const PathArgs &, const Reply &reply) { list(request, reply); });
    router.add("GET", u"/api/v1/runs/{id}"_s,
               [this](const HttpRequest &, const PathArgs &args, const Reply &reply) { get(args.at(0), reply); });
    router.add("POST", u"/api/v1/runs/{id}/cancel"_s,
               [this](const HttpRequest &, const PathArgs &args, const Reply &reply) { cancel(args.at(0), reply); });
    router.add("POST", u"/api/v1/runs/{id}/retry"_s, [this](const HttpRequest &request, const PathArgs &args, const Reply &reply) {
        retry(args.at(0), request, reply);
    });
    router.add("GET", u"/api/v1/runs/{id}/events"_s, [this](const HttpRequest &request, const PathArgs &args, const Reply &reply) {
        timeline(args.at(0), request, reply);
    });
}

void RunController::trigger(const http::HttpRequest &request, const http::Reply &reply)
{
    const auto body = jsonBody(request);
    if (!body)
        return reply.send(http::HttpResponse::error(body.error()));
    auto trigger = TriggerRequest::fromJson(*body, QString::fromLatin1(request.header("idempotency-key")));
    if (!trigger)
        return reply.send(http::HttpResponse::error(trigger.error()));
    trigger->traceparent = TraceContext::continueFrom(request.header("traceparent"));
    m_runs.trigger(m_context, *trigger, [this, reply, workflowId = trigger->workflowId, traceparent = trigger->traceparent](
                                                 const Result<TriggerOutcome> &outcome) {
        if (outcome.ok() && !outcome->replayed) {
            Metrics::instance().runTriggered();
            record(m_events, outcome->runId, u"accepted"_s, traceparent, {{u"workflow_id"_s, workflowId}});
        }
        reply.send(outcome, [](const TriggerOutcome &triggered) {
            http::HttpResponse response =
                    http::HttpResponse::json({{u"run_id"_s, triggered.runId}, {u"status"_s, u"triggered"_s}});
            if (triggered.replayed)
                response.withHeader("Idempotent-Replayed", "true");
            return response;
        });
    });
}

void RunController::get(const QString &id, const http::Reply &reply)
{
    const QString uuid = ids::normalize(id);
    if (uuid.isEmpty())
        return reply.send(http::HttpResponse::error(RunStore::runNotFound()));
    answerCached(m_cache, Cache::runKey(uuid), Cache::RunTtlSeconds, reply, [this, uuid](auto loaded) {
        m_runs.get(m_context, uuid, [loaded](const Result<RunRecord> &found) {
            loaded(found.ok() ? Result<QByteArray>(json::serialize(found->toJson())) : Result<QByteArray>(found.error()));
        });
    });
}

void RunController::list(const http::HttpRequest &request, const http::Reply &reply)
{
    const auto query = RunQuery::parse(request.queryValue(u"limit"_s), request.queryValue(u"cursor"_s),
                                       request.queryValue(u"status"_s), request.queryValue(u"workflow_id"_s));
    if (!query)
        return reply.send(http::HttpResponse::error(query.error()));
    const QByteArray canonical = "limit=" + QByteArray::number(query->page.limit) + "&cursor="
            + query->page.canonicalCursor().toLatin1() + "&status=" + (query->status ? statusName(*query->status).toLatin1() : QByteArray())
            + "&workflow_id=" + query->workflowId.toLatin1();
    answerCached(m_cache, Cache::runListKey(canonical), Cache::RunListTtlSeconds, reply, [this, query = *query](auto loaded) {
        m_runs.list(m_context, query, [loaded](const Result<Page<RunRecord>> &listed) {
            loaded(listed.ok() ? Result<QByteArray>(json::serialize(listed->toJson())) : Result<QByteArray>(listed.error()));
        });
    });
}

} // namespace wf::api

namespace wf::api {

void RunController::cancel(const QString &id, const http::Reply &reply)
{
    const QString uuid = ids::normalize(id);
    if (uuid.isEmpty())
        return reply.send(http::HttpResponse::error(RunStore::runNotFound()));
    m_runs.cancel(m_context, uuid, [this, reply](const Result<RunRecord> &cancelled) {
        if (cancelled.ok()) {
            Metrics::instance().runFinished(statusName(RunStatus::Cancelled));
            record(m_events, cancelled->uuid, u"finished"_s, {}, {{u"status"_s, statusName(RunStatus::Cancelled)}});
        }
        reply.send(cancelled, [](const RunRecord &run) { return http::HttpResponse::json(run.toJson()); });
    });
}

void RunController::retry(const QString &id, const http::HttpRequest &request, const http::Reply &reply)
{
    const QString uuid = ids::normalize(id);
    if (uuid.isEmpty())
        return reply.send(http::HttpResponse::error(RunStore::runNotFound()));
    const QString key = QString::fromLatin1(request.header("idempotency-key"));
    if (Problem problem = TriggerRequest::checkIdempotencyKey(key))
        return reply.send(http::HttpResponse::error(*problem));
    const QByteArray traceparent = TraceContext::continueFrom(request.header("traceparent"));
    m_runs.retry(m_context, uuid, key, traceparent,
                 [this, reply, uuid, traceparent](const Result<TriggerOutcome> &outcome) {
                     if (outcome.ok() && !outcome->replayed) {
                         Metrics::instance().runTriggered();
                         record(m_events, outcome->runId, u"accepted"_s, traceparent, {{u"retry_of"_s, uuid}});
                     }
                     reply.send(outcome, [&uuid](const TriggerOutcome &retried) {
                         http::HttpResponse response = http::HttpResponse::json(
                                 {{u"run_id"_s, retried.runId}, {u"status"_s, u"triggered"_s}, {u"retry_of"_s, uuid}});
                         if (retried.replayed)
                             response.withHeader("Idempotent-Replayed", "true");
                         return response;
                     });
                 });
}

void RunController::timeline(const QString &id, const http::HttpRequest &request, const http::Reply &reply)
{
    const QString uuid = ids::normalize(id);
    if (uuid.isEmpty())
        return reply.send(http::HttpResponse::error(RunStore::runNotFound()));
    const Result<int> limit = intParameter(request, u"limit"_s, 1000, 1, 10000);
    if (!limit)
        return reply.send(http::HttpResponse::error(limit.error()));
    m_runs.events(m_context, uuid, *limit, [reply, uuid](const Result<RunStore::Timeline> &timeline) {
        reply.send(timeline, [&uuid](const RunStore::Timeline &found) {
            QJsonArray items;
            for (const RunEvent &event : found.events)
                items.append(event.toJson());
            const QString traceId = RunEvent::traceIdOf(found.traceparent);
            return http::HttpResponse::json({{u"run_id"_s, uuid},
                                             {u"trace_id"_s, traceId.isEmpty() ? QJsonValue() : QJsonValue(traceId)},
                                             {u"traceparent"_s, found.traceparent.isEmpty() ? QJsonValue()
                                                                                             : QJsonValue(QString::fromLatin1(found.traceparent))},
                                             {u"items"_s, items}});
        });
    });
}

} // namespace wf::api
