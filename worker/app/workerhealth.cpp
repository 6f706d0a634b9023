#include "workerhealth.h"

#include "execution/runcoordinator.h"
#include "metrics/metrics.h"

#include "db/database.h"
#include "db/dbconnection.h"
#include "http/apiserver.h"
#include "kafka/kafkaconsumer.h"

#include <QJsonObject>
#include <QTcpServer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace wf::app {

WorkerHealth::WorkerHealth(db::Database &database, kafka::KafkaConsumer &consumer, RunCoordinator &coordinator,
                           QByteArray instanceId, Lag lag, QObject *parent)
    : QObject(parent), m_database(database), m_consumer(consumer), m_coordinator(coordinator), m_lag(std::move(lag))
{
    m_server = new http::ApiServer({std::move(instanceId), 4096,
                                    [](const QString &route, const QByteArray &method, int status, double seconds) {
                                        Metrics::instance().httpRequest(route.isEmpty() ? u"unmatched"_s : route, method,
                                                                        status, seconds);
                                    }},
                                   this);
    using namespace http;
    m_server->router().add("GET", u"/health"_s, [](const HttpRequest &, const PathArgs &, const Reply &reply) {
        reply.send(HttpResponse::json({{u"status"_s, u"ok"_s}}));
    });
    m_server->router().add("GET", u"/metrics"_s, [this](const HttpRequest &, const PathArgs &, const Reply &reply) {
        if (m_lag)
            Metrics::instance().setConsumerLag(m_lag().value_or(-1));
        reply.send(HttpResponse::raw(Metrics::instance().text(), Metrics::kContentType));
    });
    m_server->router().add("GET", u"/stats"_s, [this](const HttpRequest &, const PathArgs &, const Reply &reply) {
        reply.send(HttpResponse::json(stats()));
    });
    m_server->router().add("GET", u"/health/ready"_s, [this](const HttpRequest &, const PathArgs &, const Reply &reply) {
        const QString kafka = m_consumer.joined() ? u"ok"_s : u"joining the consumer group"_s;
        auto answer = [reply, kafka](const QString &database) {
            const bool ok = database == u"ok"_s && kafka == u"ok"_s;
            reply.send(HttpResponse::json({{u"status"_s, ok ? u"ok"_s : u"unavailable"_s},
                                           {u"checks"_s, QJsonObject{{u"database"_s, database}, {u"kafka"_s, kafka}}}},
                                          ok ? 200 : 503));
        };
        QTimer::singleShot(800, this, [answer] { answer(u"timeout"_s); }); // within a second, whatever hangs
        m_database.read(
                this, [](db::DbConnection &connection) { return connection.exec("SELECT 1").rows() == 1; },
                [answer](const Result<bool> &result) { answer(result.ok() ? u"ok"_s : result.error().detail()); });
    });
}

Status WorkerHealth::listen(const QString &host, int port)
{
    QTcpServer *tcp = m_server->createTcpServer(m_server);
    const QHostAddress address(host);
    if (address.isNull())
        return Error::invalid(u"WF_WORKER_HEALTH_HOST must be an IP address, got \"%1\""_s.arg(host.left(60)));
    if (!tcp->listen(address, quint16(port)))
        return Error::unavailable(u"cannot listen on %1:%2: %3"_s.arg(host).arg(port).arg(tcp->errorString()));
    m_server->bind(tcp);
    return Done{};
}

QJsonObject WorkerHealth::stats() const
{
    const RunCoordinator::Counters &counters = m_coordinator.counters();
    return {
        {u"active_runs"_s, m_coordinator.active()},
        {u"waiting_runs"_s, m_coordinator.waiting()},
        {u"claimed"_s, counters.claimed.load()},
        {u"succeeded"_s, counters.succeeded.load()},
        {u"failed"_s, counters.failed.load()},
        {u"cancelled"_s, counters.cancelled.load()},
        {u"dead_lettered"_s, counters.deadLettered.load()},
        {u"duplicates"_s, counters.duplicates.load()},
        {u"assigned_partitions"_s, m_consumer.assignedPartitions()},
        {u"messages_in_flight"_s, m_consumer.inFlight()},
        {u"paused"_s, m_consumer.paused()},
        {u"database_queue"_s, m_database.queueDepth()},
    };
}

} // namespace wf::app
