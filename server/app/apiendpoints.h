#pragma once

#include "apithread.h"

#include "api/admincontroller.h"
#include "api/docscontroller.h"
#include "api/healthcontroller.h"
#include "api/keycontroller.h"
#include "api/metricscontroller.h"
#include "api/runadmincontroller.h"
#include "api/runcontroller.h"
#include "api/statscontroller.h"
#include "api/workflowcontroller.h"
#include "store/aftercommit.h"
#include "stats/clusterstatssource.h"
#include "store/keystore.h"
#include "store/runeventlog.h"
#include "store/runstore.h"
#include "store/statsstore.h"
#include "store/workflowstore.h"

namespace wf::app {

// Everything that answers the API on one event loop: the after-commit sink (the shared publisher
// and this loop's cache connection), the stores that report to it, and the controllers over them.
// Built by each ApiThread; built without a thread of its own by tools and tests that only need
// the routes.
class ApiEndpoints
{
public:
    // `context` is the object on whose thread answers arrive (the loop's ApiServer).
    ApiEndpoints(QObject *context, const ApiServices &services, Cache *cache);

    void registerRoutes(http::Router &router);

private:
    AfterCommit m_changes;
    RunEventLog m_events;
    WorkflowStore m_workflowStore;
    RunStore m_runStore;
    StatsStore m_statsStore;
    KeyStore m_keyStore;
    ClusterStatsSource m_statsSource;
    api::HealthController m_health;
    api::WorkflowController m_workflows;
    api::RunController m_runs;
    api::AdminController m_admin;
    api::RunAdminController m_runAdmin;
    api::StatsController m_stats;
    api::KeyController m_keys;
    api::DocsController m_docs;
    api::MetricsController m_metrics;
};

} // namespace wf::app
