#pragma once

#include "http/router.h"

#include <QObject>

namespace wf {
class RunStore;
}

namespace wf::api {

// POST /api/v1/trigger, GET /api/v1/runs and /api/v1/runs/{id}.
class RunController
{
public:
    RunController(QObject *context, RunStore &store);
    void registerRoutes(http::Router &router);

private:
    void trigger(const http::HttpRequest &request, const http::Reply &reply);
    void get(const QString &id, const http::Reply &reply);
    void list(const http::HttpRequest &request, const http::Reply &reply);

    QObject *m_context;
    RunStore &m_store;
};

} // namespace wf::api
