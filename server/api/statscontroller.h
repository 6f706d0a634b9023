#pragma once

#include "http/router.h"
#include "stats/clusterstatssource.h"

#include <QObject>

namespace wf {
class StatsStore;
}

namespace wf::api {

// The cluster view for operators and the console, operator keys only:
//   GET /api/v1/admin/stats                       every instance's figures added up, now
//   GET /api/v1/admin/stats/history?window=15m    the recorded view as chart series (1 s, or 5 s
//                                                 beyond 15 minutes)
class StatsController
{
public:
    StatsController(QObject *context, ClusterStatsSource &source, StatsStore &stats, int historySeconds);
    void registerRoutes(http::Router &router);

    // "90", "90s", "15m", "1h" → seconds; nullopt when malformed.
    static std::optional<int> parseWindow(const QString &text);

private:
    void stats(const http::Reply &reply);
    void history(const http::HttpRequest &request, const http::Reply &reply);

    QObject *m_context;
    ClusterStatsSource &m_source;
    StatsStore &m_stats;
    int m_historySeconds;
};

} // namespace wf::api
