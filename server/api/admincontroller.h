#pragma once

#include "admintoken.h"

#include "http/router.h"

#include <QObject>

namespace wf {
class ScalingStore;
}

namespace wf::api {

// /api/v1/admin/scaling: the desired and actual replicas of servers and workers; changing the
// desired ones, the bounds and the autoscale switch (the supervisor or the Kubernetes backend
// makes the counts true); and the list of changes and autoscaler decisions. With an admin token
// configured, every call needs "Authorization: Bearer <token>".
//   GET /api/v1/admin/scaling
//   PUT /api/v1/admin/scaling/{component}   {"replicas": n} | {"autoscale": true, "min": 1, "max": 8}
//   GET /api/v1/admin/scaling/events?component=worker&limit=100
class AdminController
{
public:
    AdminController(QObject *context, ScalingStore &scaling, QByteArray token);
    void registerRoutes(http::Router &router);

private:
    bool authorized(const http::HttpRequest &request, const http::Reply &reply) const;
    void list(const http::Reply &reply);
    void scale(const QString &component, const http::HttpRequest &request, const http::Reply &reply);
    void events(const http::HttpRequest &request, const http::Reply &reply);

    QObject *m_context;
    ScalingStore &m_scaling;
    AdminToken m_token;
};

} // namespace wf::api
