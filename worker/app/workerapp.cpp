#include "workerapp.h"

#include "execution/sqlexecutionstore.h"
#include "execution/runcoordinator.h"
#include "execution/sweeper.h"
#include "workerhealth.h"

#include "cache/cache.h"
#include "core/logging.h"
#include "db/database.h"
#include "db/databaseurl.h"
#include "db/migrator.h"
#include "kafka/grouplag.h"
#include "kafka/kafkaconsumer.h"
#include "outbox/outboxpipeline.h"
#include "store/aftercommit.h"
#include "store/runeventlog.h"
#include "stats/snapshotpublisher.h"
#include "steps/builtinsteps.h"
#include "store/statsstore.h"


using namespace Qt::StringLiterals;

namespace wf::app {

WorkerApp::WorkerApp(Settings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_steps(steps::builtinSteps())
{
}

WorkerApp::~WorkerApp()
{
    if (m_consumer)
        m_consumer->close();
    if (m_outbox)
        m_outbox->stop(2000);
    // The database threads stop while every object they answer to still exists: a result posted
    // to an object being destroyed would be a use-after-free.
    if (m_database)
        m_database->shutdown();
    m_publisher.reset();
    m_statsStore.reset();
    m_health.reset();
    m_sweeper.reset();
    m_lag.reset();
    m_coordinator.reset();
    m_runEvents.reset();
    m_changes.reset();
    m_consumer.reset();
    m_cache.reset();
    m_outbox.reset();
    m_store.reset();
    m_database.reset();
}

Status WorkerApp::start(int databaseWaitSeconds)
{
    if (m_settings.kafkaBrokers.isEmpty())
        return Error::invalid(u"a worker needs Kafka: set WF_KAFKA_BROKERS"_s);
    const auto url = db::DatabaseUrl::parse(m_settings.databaseUrl);
    if (!url)
        return url.error();
    // Make sure the schema is the one this binary knows (waiting for the database if need be).
    if (const auto applied = db::Migrator::migrateWhenReady(m_settings.databaseUrl, databaseWaitSeconds); !applied)
        return applied.error();
    m_database = std::make_unique<db::Database>(*url, m_settings.databaseConnections, m_settings.databaseBatch);
    m_store = std::make_unique<SqlExecutionStore>(*m_database, m_settings.instanceId, m_settings.workerLeaseSeconds,
                                                  m_settings.workerMaxExecutions);

    const kafka::KafkaSettings kafkaSettings = kafka::KafkaSettings::from(m_settings);
    auto outbox = OutboxPipeline::start(kafkaSettings, *m_database);
    if (!outbox)
        return outbox.error();
    m_outbox = std::move(*outbox);
    m_runEvents = std::make_unique<RunEventLog>(*m_database, m_settings.instanceId);
    m_runEvents->followPublishes(m_outbox->publisher());

    kafka::KafkaConsumer::Options consumerOptions;
    consumerOptions.groupId = QString::fromLatin1(kafka::kWorkerGroup);
    consumerOptions.topics = {QString::fromLatin1(kafka::topics::kTrigger)};
    consumerOptions.sessionTimeoutMs = m_settings.kafkaSessionTimeoutMs;
    m_consumer = std::make_unique<kafka::KafkaConsumer>(kafkaSettings, consumerOptions);

    RunCoordinator::Options coordinatorOptions;
    const auto egress = EgressPolicy::parse(m_settings.webhookAllow);
    if (!egress)
        return egress.error();
    coordinatorOptions.egress = *egress;
    coordinatorOptions.concurrency = m_settings.workerConcurrency;
    coordinatorOptions.limits.maxStepOutputBytes = m_settings.runMaxStepOutputBytes;
    coordinatorOptions.limits.maxRunBytes = m_settings.runMaxBytes;
    coordinatorOptions.events = m_runEvents.get();
    if (!m_settings.redisUrl.isEmpty())
        m_cache = std::make_unique<Cache>(m_settings.redisUrl);
    m_changes = std::make_unique<AfterCommit>(&m_outbox->publisher(), m_cache.get());
    m_coordinator = std::make_unique<RunCoordinator>(*m_store, m_steps, *m_changes, *m_consumer, coordinatorOptions);
    connect(m_consumer.get(), &kafka::KafkaConsumer::received, m_coordinator.get(), &RunCoordinator::handle);
    if (auto status = m_consumer->start(); !status)
        return status;

    m_lag = std::make_unique<kafka::GroupLag>(kafkaSettings, QString::fromLatin1(kafka::kWorkerGroup),
                                              QString::fromLatin1(kafka::topics::kTrigger));
    m_lag->start();
    m_sweeper = std::make_unique<Sweeper>(
            *m_store, *m_changes, [lag = m_lag.get()] { return lag->lag(); }, m_settings.workerRequeueSeconds,
            qMax(1000, m_settings.workerLeaseSeconds * 1000 / 4), m_settings.workerLeaseSeconds * 1000);
    m_sweeper->setEvents(m_runEvents.get());
    m_sweeper->start();
    if (m_settings.workerHealthPort > 0) {
        m_health = std::make_unique<WorkerHealth>(*m_database, *m_consumer, *m_coordinator, m_settings.instanceId.toUtf8(),
                                                  [lag = m_lag.get()] { return lag->lag(); });
        if (auto status = m_health->listen(m_settings.workerHealthHost, m_settings.workerHealthPort); !status)
            return status;
    }
    m_statsStore = std::make_unique<StatsStore>(*m_database);
    m_publisher = std::make_unique<SnapshotPublisher>(
            m_settings.instanceId, u"worker"_s,
            [this] { return SnapshotPublisher::Activity{m_coordinator->active(), m_draining}; },
            m_cache ? m_cache->connection() : nullptr, m_statsStore.get());
    m_publisher->start();
    qCInfo(lcWorker).noquote() << u"webhooks may reach public addresses and: "_s
                                  + (egress->allowList().isEmpty() ? u"nothing else (WF_WEBHOOK_ALLOW)"_s : egress->allowList());
    qCInfo(lcWorker).noquote() << u"worker %1 consuming %2 from %3 (group %4, up to %5 runs at once, lease %6 s)"_s
                                          .arg(m_settings.instanceId, QString::fromLatin1(kafka::topics::kTrigger),
                                               m_settings.kafkaBrokers, QString::fromLatin1(kafka::kWorkerGroup))
                                          .arg(m_settings.workerConcurrency)
                                          .arg(m_settings.workerLeaseSeconds);
    return Done{};
}

void WorkerApp::shutdown(int drainMs, std::function<void()> done)
{
    m_draining = true;
    if (m_publisher) {
        m_publisher->publishNow();
        done = [publisher = m_publisher.get(), done = std::move(done)] { publisher->withdraw(done); };
    }
    // Leave the group first, so the partitions move to the other workers at once.
    if (m_consumer)
        m_consumer->close();
    if (!m_coordinator) {
        done();
        return;
    }
    m_coordinator->drain(drainMs, std::move(done));
}

} // namespace wf::app
