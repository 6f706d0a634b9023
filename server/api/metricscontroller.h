#pragma once

#include "http/router.h"

namespace wf::api {

// GET /metrics: this process's Prometheus metrics (Metrics), in the text exposition format.
class MetricsController
{
public:
    void registerRoutes(http::Router &router);
};

} // namespace wf::api
