#pragma once

#include "http/router.h"

#include <QObject>

namespace wf::db {
class Database;
}
namespace wf::kafka {
class KafkaProducer;
}
namespace wf {
class Cache;
}

namespace wf::api {

// GET / (banner), GET /health (liveness: answers while the event loop runs) and
// GET /health/ready (readiness). Only the database decides readiness (503): without Kafka the
// server still accepts triggers into the outbox, so it reports "degraded" with 200 rather than
// taking every replica out of the load balancer.
class HealthController
{
public:
    HealthController(QObject *context, db::Database &database, kafka::KafkaProducer *producer, Cache *cache);
    void registerRoutes(http::Router &router);

private:
    void ready(const http::Reply &reply);

    QObject *m_context;
    db::Database &m_database;
    kafka::KafkaProducer *m_producer;
    Cache *m_cache;
};

} // namespace wf::api
