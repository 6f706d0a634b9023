#include "metricscontroller.h"

#include "metrics/metrics.h"

using namespace Qt::StringLiterals;

namespace wf::api {

void MetricsController::registerRoutes(http::Router &router)
{
    router.add("GET", u"/metrics"_s, [](const http::HttpRequest &, const http::PathArgs &, const http::Reply &reply) {
        reply.send(http::HttpResponse::raw(Metrics::instance().text(), Metrics::kContentType));
    });
}

} // namespace wf::api
