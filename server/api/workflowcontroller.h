#pragma once

#include "http/router.h"

#include <QObject>

namespace wf {
class Cache;
class StepCatalog;
class WorkflowStore;
}

namespace wf::api {

// /api/v1/workflows: create, read, list, update (new version), delete.
class WorkflowController
{
public:
    WorkflowController(QObject *context, WorkflowStore &store, const StepCatalog &steps, Cache *cache);
    void registerRoutes(http::Router &router);

private:
    void create(const http::HttpRequest &request, const http::Reply &reply);
    void get(const QString &id, const http::Reply &reply);
    void list(const http::HttpRequest &request, const http::Reply &reply);
    void update(const QString &id, const http::HttpRequest &request, const http::Reply &reply);
    void remove(const QString &id, const http::Reply &reply);

    QObject *m_context;
    WorkflowStore &m_store;
    const StepCatalog &m_steps;
    Cache *m_cache; // null: no caching
};

} // namespace wf::api
