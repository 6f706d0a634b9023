#include "apiendpoints.h"

#include "cache/cache.h"

namespace wf::app {

ApiEndpoints::ApiEndpoints(QObject *context, const ApiServices &services, Cache *cache)
    : m_changes(services.publisher, cache), m_events(*services.database, QString::fromUtf8(services.instanceId)), m_workflowStore(*services.database, &m_changes),
      m_runStore(*services.database, *services.triggers, &m_changes), m_statsStore(*services.database), m_keyStore(*services.database),
      m_statsSource(cache ? cache->connection() : nullptr, m_statsStore, *services.scaling, services.lag),
      m_health(context, *services.database, services.producer, cache),
      m_workflows(context, m_workflowStore, *services.steps, cache), m_runs(context, m_runStore, cache, &m_events),
      m_admin(context, *services.scaling), m_runAdmin(context, m_runStore, services.instanceId),
      m_stats(context, m_statsSource, m_statsStore, services.statsHistorySeconds), m_keys(context, m_keyStore, *services.keys)
{
}

void ApiEndpoints::registerRoutes(http::Router &router)
{
    m_health.registerRoutes(router);
    m_docs.registerRoutes(router);
    m_metrics.registerRoutes(router);
    m_workflows.registerRoutes(router);
    m_runs.registerRoutes(router);
    m_admin.registerRoutes(router);
    m_runAdmin.registerRoutes(router);
    m_stats.registerRoutes(router);
    m_keys.registerRoutes(router);
}

} // namespace wf::app
