#include "serverapp.h"

#include "apithread.h"
#include "listeningsocket.h"

#include "core/logging.h"
#include "http/reply.h"
#include "db/database.h"
#include "db/dbconnection.h"
#include "db/dberror.h"
#include "db/migrator.h"
#include "kafka/kafkasettings.h"
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
    const auto url = db::DatabaseUrl::parse(m_settings.databaseUrl);
    if (!url)
        return url.error();
    const auto applied = migrate(m_settings, databaseWaitSeconds);
    if (!applied)
        return applied.error();
    if (!applied->isEmpty())
        qCInfo(lcServer) << "applied migrations" << *applied;

    m_database = std::make_unique<db::Database>(*url, m_settings.databaseConnections, m_settings.databaseBatch);
    m_triggers = std::make_unique<TriggerBatcher>(*m_database);
    m_scaling = std::make_unique<ScalingStore>(*m_database);
    if (!m_settings.kafkaBrokers.isEmpty()) {
        auto outbox = OutboxPipeline::start(kafka::KafkaSettings::from(m_settings), *m_database);
        if (!outbox)
            return outbox.error();
        m_outbox = std::move(*outbox);
    } else {
        qCWarning(lcServer) << "no Kafka configured (WF_KAFKA_BROKERS): triggered runs wait in the outbox";
    }

    ApiServices services;
    services.database = m_database.get();
    services.triggers = m_triggers.get();
    services.publisher = m_outbox ? &m_outbox->publisher() : nullptr;
    services.steps = &m_steps;
    services.scaling = m_scaling.get();
    services.adminToken = m_settings.adminToken.toUtf8();
    services.redisUrl = m_settings.redisUrl;
    services.producer = m_outbox ? &m_outbox->producer() : nullptr;
    services.instanceId = m_settings.instanceId.toUtf8();
    services.maxBodyBytes = m_settings.httpMaxBodyBytes;

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
    qCInfo(lcServer).noquote() << u"listening on %1:%2 with %3 threads, database %4 (%5 connections), instance %6"_s
                                          .arg(m_settings.httpHost)
                                          .arg(m_port)
                                          .arg(m_settings.httpThreads)
                                          .arg(url->display())
                                          .arg(m_settings.databaseConnections)
                                          .arg(m_settings.instanceId);
    return Done{};
}

void ServerApp::drain(int timeoutMs, std::function<void()> done)
{
    for (auto &thread : m_threads)
        thread->stopListening();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [timer, clock, timeoutMs, done = std::move(done)] {
        const int open = http::Reply::inFlight();
        if (open > 0 && clock->elapsed() < timeoutMs)
            return;
        if (open > 0)
            qCWarning(lcServer) << open << "request(s) still open after" << timeoutMs << "ms; stopping anyway";
        timer->deleteLater();
        done();
    });
    timer->start(20);
}

void ServerApp::stop()
{
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
    m_triggers.reset();
    m_scaling.reset();
    m_database.reset();
}

} // namespace wf::app
