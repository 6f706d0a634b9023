#pragma once

#include "http/router.h"

#include <QObject>

namespace wf {
class Cache;
class RunEventLog;
class RunStore;
}

namespace wf::api {

// POST /api/v1/trigger, GET /api/v1/runs and /api/v1/runs/{id}, POST /api/v1/runs/{id}/cancel|retry,
// GET /api/v1/runs/{id}/events (the run's timeline). New runs and cancellations go into `events`.
class RunController
{
public:
    RunController(QObject *context, RunStore &runs, Cache *cache, RunEventLog *events);
    void registerRoutes(http::Router &router);

private:
    void trigger(const http::HttpRequest &request, const http::Reply &reply);
    void get(const QString &id, const http::Reply &reply);
    void list(const http::HttpRequest &request, const http::Reply &reply);
    void cancel(const QString &id, const http::Reply &reply);
    void retry(const QString &id, const http::HttpRequest &request, const http::Reply &reply);
    void timeline(const QString &id, const http::HttpRequest &request, const http::Reply &reply);

    QObject *m_context;
    RunStore &m_runs;
    Cache *m_cache;        // null: no caching
    RunEventLog *m_events; // null: no timeline written
};

} // namespace wf::api
