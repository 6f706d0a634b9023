#pragma once

#include "http/router.h"

#include <QObject>

namespace wf::db {
class Database;
}

namespace wf::api {

// GET / (banner), GET /health (liveness: answers while the event loop runs) and
// GET /health/ready (readiness: each dependency answers within a deadline).
class HealthController
{
public:
    HealthController(QObject *context, db::Database &database);
    void registerRoutes(http::Router &router);

private:
    void ready(const http::Reply &reply);

    QObject *m_context;
    db::Database &m_database;
};

} // namespace wf::api
