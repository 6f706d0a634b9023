#pragma once

#include "http/router.h"

#include <QObject>

namespace wf {
class ScalingStore;
}

namespace wf::api {

// /api/v1/admin/scaling: the desired and actual replicas of servers and workers; changing the
// desired ones, the bounds and the autoscale switch (the supervisor or the Kubernetes backend
// makes the counts true); and the list of changes and autoscaler decisions. Operator keys only
// (the Gatekeeper sees to it, as for every /api/v1/admin route).
//   GET /api/v1/admin/scaling
//   PUT /api/v1/admin/scaling/{component}   {"replicas": n} | {"autoscale": true, "min": 1, "max": 8}
//   GET /api/v1/admin/scaling/events?component=worker&limit=100
class AdminController
{
public:
    AdminController(QObject *context, ScalingStore &scaling);
    void registerRoutes(http::Router &router);

private:
    void list(const http::Reply &reply);
    void scale(const QString &component, const http::HttpRequest &request, const http::Reply &reply);
    void events(const http::HttpRequest &request, const http::Reply &reply);

    QObject *m_context;
    ScalingStore &m_scaling;
};

} // namespace wf::api
