#include "workflowcontroller.h"

#include "cachedanswer.h"
#include "requestbody.h"

#include "cache/cache.h"
#include "core/json.h"

#include "core/ids.h"
#include "store/workflowstore.h"
#include "workflow/workflowdefinition.h"


using namespace Qt::StringLiterals;

namespace wf::api {

WorkflowController::WorkflowController(QObject *context, WorkflowStore &store, const StepCatalog &steps, Cache *cache)
    : m_context(context), m_store(store), m_steps(steps), m_cache(cache)
{
}

void WorkflowController::registerRoutes(http::Router &router)
{
    using namespace http;
    router.add("POST", u"/api/v1/workflows"_s,
               [this](const HttpRequest &request, const PathArgs &, const Reply &reply) { create(request, reply); });
    router.add("GET", u"/api/v1/workflows"_s,
               [this](const HttpRequest &request, const PathArgs &, const Reply &reply) { list(request, reply); });
    router.add("GET", u"/api/v1/workflows/{id}"_s,
               [this](const HttpRequest &, const PathArgs &args, const Reply &reply) { get(args.at(0), reply); });
    router.add("PUT", u"/api/v1/workflows/{id}"_s, [this](const HttpRequest &request, const PathArgs &args, const Reply &reply) {
        update(args.at(0), request, reply);
    });
    router.add("DELETE", u"/api/v1/workflows/{id}"_s,
               [this](const HttpRequest &, const PathArgs &args, const Reply &reply) { remove(args.at(0), reply); });
}

void WorkflowController::create(const http::HttpRequest &request, const http::Reply &reply)
{
    const auto body = jsonBody(request);
    if (!body)
        return reply.send(http::HttpResponse::error(body.error()));
    const auto definition = WorkflowDefinition::fromJson(*body, m_steps);
    if (!definition)
        return reply.send(http::HttpResponse::error(definition.error()));
    m_store.create(m_context, *definition, [reply](const Result<WorkflowRecord> &created) {
        // The seed answers 200 with this exact shape; clients depend on it.
        reply.send(created, [](const WorkflowRecord &record) {
            return http::HttpResponse::json({{u"message"_s, u"Workflow created successfully"_s}, {u"workflow_id"_s, record.uuid}});
        });
    });
}

void WorkflowController::get(const QString &id, const http::Reply &reply)
{
    const QString uuid = ids::normalize(id);
    if (uuid.isEmpty())
        return reply.send(http::HttpResponse::error(WorkflowStore::workflowNotFound(id)));
    answerCached(m_cache, Cache::workflowKey(uuid), Cache::WorkflowTtlSeconds, reply, [this, uuid](auto loaded) {
        m_store.get(m_context, uuid, [loaded](const Result<WorkflowRecord> &found) {
            loaded(found.ok() ? Result<QByteArray>(json::serialize(found->toJson())) : Result<QByteArray>(found.error()));
        });
    });
}

void WorkflowController::list(const http::HttpRequest &request, const http::Reply &reply)
{
    const auto page = PageRequest::parse(request.queryValue(u"limit"_s), request.queryValue(u"cursor"_s));
    if (!page)
        return reply.send(http::HttpResponse::error(page.error()));
    m_store.list(m_context, *page, [reply](const Result<Page<WorkflowRecord>> &listed) {
        reply.send(listed, [](const Page<WorkflowRecord> &page) { return http::HttpResponse::json(page.toJson()); });
    });
}

void WorkflowController::update(const QString &id, const http::HttpRequest &request, const http::Reply &reply)
{
    const QString uuid = ids::normalize(id);
    if (uuid.isEmpty())
        return reply.send(http::HttpResponse::error(WorkflowStore::workflowNotFound(id)));
    const auto body = jsonBody(request);
    if (!body)
        return reply.send(http::HttpResponse::error(body.error()));
    const auto definition = WorkflowDefinition::fromJson(*body, m_steps);
    if (!definition)
        return reply.send(http::HttpResponse::error(definition.error()));
    m_store.update(m_context, uuid, *definition, [reply](const Result<WorkflowRecord> &updated) {
        reply.send(updated, [](const WorkflowRecord &record) {
            QJsonObject object = record.toJson();
            object.insert(u"message"_s, u"Workflow updated successfully"_s);
            return http::HttpResponse::json(object);
        });
    });
}

void WorkflowController::remove(const QString &id, const http::Reply &reply)
{
    const QString uuid = ids::normalize(id);
    if (uuid.isEmpty())
        return reply.send(http::HttpResponse::error(WorkflowStore::workflowNotFound(id)));
    m_store.remove(m_context, uuid, [reply](const Result<Done> &removed) {
        reply.send(removed, [](const Done &) { return http::HttpResponse::noContent(); });
    });
}

} // namespace wf::api
