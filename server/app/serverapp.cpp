#include "serverapp.h"

#include "apithread.h"
#include "keyringrefresher.h"

#include "auth/secretcheck.h"
#include "listeningsocket.h"

#include "core/logging.h"
#include "http/reply.h"
#include "db/database.h"
#include "db/dbconnection.h"
#include "db/dberror.h"
#include "db/migrator.h"
#include "cache/ratelimit.h"
#include "cache/redisconnection.h"
#include "cluster/clustermonitor.h"
#include "kafka/grouplag.h"
#include "kafka/kafkasettings.h"
#include "stats/clusterstatssource.h"
#include "stats/snapshotpublisher.h"
#include "store/clusterleases.h"
#include "store/keystore.h"
#include "store/runeventlog.h"
#include "store/statsstore.h"
#include "outbox/outboxpipeline.h"
#include "store/triggerbatcher.h"
#include "store/scalingstore.h"
#include "store/workflowstore.h"
#include "steps/builtinsteps.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTimer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace wf::app {

ServerApp::ServerApp(Settings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_steps(steps::builtinSteps())
{
}

ServerApp::~ServerApp()
{
    stop();
}

Result<QList<int>> ServerApp::migrate(const Settings &settings, int databaseWaitSeconds)
{
    return db::Migrator::migrateWhenReady(settings.databaseUrl, databaseWaitSeconds);
}

Status ServerApp::start(int databaseWaitSeconds)
{
    if (const Status secrets = auth::SecretCheck{m_settings.authRequired, m_settings.adminToken, m_settings.databaseUrl,
                                                 m_settings.redisUrl}
                                       .verify();
        !secrets)
        return secrets;
    const auto url = db::DatabaseUrl::parse(m_settings.databaseUrl);
    if (!url)
        return url.error();
    const auto applied = migrate(m_settings, databaseWaitSeconds);
    if (!applied)
        return applied.error();
    if (!applied->isEmpty())
        qCInfo(lcServer) << "applied migrations" << *applied;

    m_database = std::make_unique<db::Database>(*url, m_settings.databaseConnections, m_settings.databaseBatch);
    m_database->setDeadline(std::chrono::milliseconds(m_settings.databaseTimeoutMs));
    m_triggers = std::make_unique<TriggerBatcher>(*m_database);
    m_scaling = std::make_unique<ScalingStore>(*m_database);
    if (!m_settings.kafkaBrokers.isEmpty()) {
        auto outbox = OutboxPipeline::start(kafka::KafkaSettings::from(m_settings), *m_database);
        if (!outbox)
            return outbox.error();
        m_outbox = std::move(*outbox);
        m_runEvents = std::make_unique<RunEventLog>(*m_database, m_settings.instanceId);
        m_runEvents->followPublishes(m_outbox->publisher());
    } else {
        qCWarning(lcServer) << "no Kafka configured (WF_KAFKA_BROKERS): triggered runs wait in the outbox";
    }

    if (m_outbox) {
        m_lag = std::make_unique<kafka::GroupLag>(kafka::KafkaSettings::from(m_settings), QString::fromLatin1(kafka::kWorkerGroup),
                                                  QString::fromLatin1(kafka::topics::kTrigger), 1000);
        m_lag->start();
    }

    ApiServices services;
    services.database = m_database.get();
    services.triggers = m_triggers.get();
    services.publisher = m_outbox ? &m_outbox->publisher() : nullptr;
    services.steps = &m_steps;
    services.scaling = m_scaling.get();
    m_keys.setBootstrapToken(m_settings.adminToken.toUtf8());
    m_keyStore = std::make_unique<KeyStore>(*m_database);
    m_keyRefresher = std::make_unique<KeyRingRefresher>(*m_keyStore, m_keys, 250);
    m_keyRefresher->start();
    services.keys = &m_keys;
    services.authRequired = m_settings.authRequired;
    bool clientOk = false;
    bool operatorOk = false;
    bool addressOk = false;
    services.rateLimits = {RateLimit::parse(m_settings.rateLimitClient, &clientOk),
                           RateLimit::parse(m_settings.rateLimitOperator, &operatorOk),
                           RateLimit::parse(m_settings.rateLimitAddress, &addressOk)};
    if (!clientOk || !operatorOk || !addressOk)
        return Error::invalid(u"WF_RATE_LIMIT_*: a rate needs a burst of at least 1 (rate:burst)"_s);
    services.buckets = &m_buckets;
    services.redisUrl = m_settings.redisUrl;
    services.producer = m_outbox ? &m_outbox->producer() : nullptr;
    services.instanceId = m_settings.instanceId.toUtf8();
    services.maxBodyBytes = m_settings.httpMaxBodyBytes;
    services.lag = m_lag.get();
    services.statsHistorySeconds = m_settings.statsHistorySeconds;

    // The first socket fixes the port (it may be 0 = any); the others share it.
    int port = m_settings.httpPort;
    for (int i = 0; i < m_settings.httpThreads; ++i) {
        auto socket = ListeningSocket::open(m_settings.httpHost, port);
        if (!socket)
            return socket.error();
        port = socket->port();
        m_threads.push_back(std::make_unique<ApiThread>(services, socket->release(), i));
        m_threads.back()->start();
    }
    m_port = port;
    startClusterView();
    qCInfo(lcServer).noquote() << u"listening on %1:%2 with %3 threads, database %4 (%5 connections), instance %6, API keys %7"_s
                                          .arg(m_settings.httpHost)
                                          .arg(m_port)
                                          .arg(m_settings.httpThreads)
                                          .arg(url->display())
                                          .arg(m_settings.databaseConnections)
                                          .arg(m_settings.instanceId)
                                          .arg(m_settings.authRequired ? u"required"_s : u"required for admin routes only (WF_AUTH=open)"_s);
    return Done{};
}

void ServerApp::startClusterView()
{
    m_statsStore = std::make_unique<StatsStore>(*m_database);
    m_leases = std::make_unique<ClusterLeases>(*m_database);
    if (!m_settings.redisUrl.isEmpty())
        m_redis = new RedisConnection(m_settings.redisUrl, this);
    m_statsSource = std::make_unique<ClusterStatsSource>(m_redis, *m_statsStore, *m_scaling, m_lag.get());
    m_publisher = std::make_unique<SnapshotPublisher>(
            m_settings.instanceId, u"server"_s,
            [this] { return SnapshotPublisher::Activity{http::Reply::inFlight(), m_draining}; }, m_redis, m_statsStore.get());
    m_publisher->start();
    m_monitor = std::make_unique<cluster::ClusterMonitor>(m_settings.instanceId, m_settings.statsHistorySeconds,
                                                          AutoscalePolicy(m_settings.autoscale), *m_leases, *m_statsSource,
                                                          *m_statsStore, *m_scaling);
    m_monitor->start();
}

void ServerApp::drain(int timeoutMs, std::function<void()> done)
{
    m_draining = true;
    if (m_publisher)
        m_publisher->publishNow();
    if (m_monitor)
        m_monitor->stop([] {});
    for (auto &thread : m_threads)
        thread->stopListening();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [this, timer, clock, timeoutMs, done = std::move(done)] {
        const int open = http::Reply::inFlight();
        if (open > 0 && clock->elapsed() < timeoutMs)
            return;
        if (open > 0)
            qCWarning(lcServer) << open << "request(s) still open after" << timeoutMs << "ms; stopping anyway";
        timer->stop();
        timer->deleteLater();
        if (m_publisher)
            m_publisher->withdraw(done);
        else
            done();
    });
    timer->start(20);
}

void ServerApp::stop()
{
    m_monitor.reset();
    m_publisher.reset();
    m_statsSource.reset();
    if (m_outbox)
        m_outbox->stop(2000);
    // The database threads stop while the API threads (whose objects receive their results) still
    // run: a result posted to an object being destroyed would be a use-after-free.
    if (m_database)
        m_database->shutdown();
    for (auto &thread : m_threads) {
        thread->quit();
        thread->wait();
    }
    m_threads.clear();
    m_outbox.reset();
    m_runEvents.reset();
    m_triggers.reset();
    m_leases.reset();
    m_statsStore.reset();
    m_lag.reset();
    m_scaling.reset();
    m_database.reset();
}

} // namespace wf::app
