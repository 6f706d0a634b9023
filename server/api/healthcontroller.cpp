#include "healthcontroller.h"

#include "cache/cache.h"
#include "db/database.h"
#include "db/dbconnection.h"
#include "kafka/kafkaproducer.h"

#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace wf::api {

namespace {

// Readiness answers within a second even when a dependency hangs: load balancers time out too.
constexpr int kReadyDeadlineMs = 800;

} // namespace

HealthController::HealthController(QObject *context, db::Database &database, kafka::KafkaProducer *producer, Cache *cache)
    : m_context(context), m_database(database), m_producer(producer), m_cache(cache)
{
}

void HealthController::registerRoutes(http::Router &router)
{
    router.add("GET", u"/"_s, [](const http::HttpRequest &, const http::PathArgs &, const http::Reply &reply) {
        reply.send(http::HttpResponse::json({{u"message"_s, u"Workflow Automation Platform"_s}}));
    });
    router.add("GET", u"/health"_s, [](const http::HttpRequest &, const http::PathArgs &, const http::Reply &reply) {
        reply.send(http::HttpResponse::json({{u"status"_s, u"ok"_s}}));
    });
    router.add("GET", u"/health/ready"_s,
               [this](const http::HttpRequest &, const http::PathArgs &, const http::Reply &reply) { ready(reply); });
}

void HealthController::ready(const http::Reply &reply)
{
    // Whichever comes first, the database's answer or the deadline, decides; Reply ignores the other.
    const QString kafka = !m_producer ? u"not configured"_s : m_producer->connected() ? u"ok"_s : u"unreachable"_s;
    const QString redis = !m_cache ? u"not configured"_s : m_cache->available() ? u"ok"_s : u"unreachable"_s;
    auto answer = [reply, kafka, redis](const QString &database) {
        const bool ok = database == u"ok"_s;
        const bool degraded = kafka == u"unreachable"_s || redis == u"unreachable"_s;
        const QJsonObject checks{{u"database"_s, database}, {u"redis"_s, redis}, {u"kafka"_s, kafka}};
        const QString status = !ok ? u"unavailable"_s : degraded ? u"degraded"_s : u"ok"_s;
        reply.send(http::HttpResponse::json({{u"status"_s, status}, {u"checks"_s, checks}}, ok ? 200 : 503));
    };
    QTimer::singleShot(kReadyDeadlineMs, m_context, [answer] { answer(u"timeout"_s); });
    m_database.read(
            m_context, [](db::DbConnection &connection) { return connection.exec("SELECT 1").rows() == 1; },
            [answer](Result<bool> result) { answer(result.ok() ? u"ok"_s : result.error().detail()); });
}

} // namespace wf::api
