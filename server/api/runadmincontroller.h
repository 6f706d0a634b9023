#pragma once

#include "http/router.h"

#include <QObject>

namespace wf {
class RunStore;
}

namespace wf::api {

// /api/v1/admin/runs: runs that are not moving, and putting one back. Operator keys
// only, as the rest of the admin API.
//   GET  /api/v1/admin/runs/stuck?pending_seconds=60&limit=100
//   POST /api/v1/admin/runs/{id}/requeue
class RunAdminController
{
public:
    RunAdminController(QObject *context, RunStore &runs, QByteArray instanceId);
    void registerRoutes(http::Router &router);

private:
    void stuck(const http::HttpRequest &request, const http::Reply &reply);
    void requeue(const QString &id, const http::Reply &reply);

    QObject *m_context;
    RunStore &m_runs;
    QString m_instanceId;
};

} // namespace wf::api
