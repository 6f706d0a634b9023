#include "stack.h"

#include "childprocess.h"
#include "localreplicas.h"
#include "operatorkeyfile.h"
#include "portcheck.h"
#include "readiness.h"
#include "replicaset.h"
#include "scalingreconciler.h"
#include "serverpool.h"
#include "stacklayout.h"
#include "statefile.h"

#include "core/logging.h"
#include "db/database.h"
#include "db/migrator.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace wf::stack {

Stack::Stack(StackOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_layout(m_options)
{
    m_postgresOptions.passwordFile = m_layout.passwordFile();
    m_postgresOptions.port = m_options.postgresPort;
    m_postgresOptions.logFile = m_options.logDir() + u"/postgres.log"_s;
    m_pgbouncerOptions.port = m_options.pgbouncerPort;
    m_pgbouncerOptions.postgresPort = m_options.postgresPort;
    m_pgbouncerOptions.logFile = m_options.logDir() + u"/pgbouncer.log"_s;
    m_redisOptions.dir = m_options.stateDir + u"/redis"_s;
    m_redisOptions.port = m_options.redisPort;
    m_redisOptions.logFile = m_options.logDir() + u"/redis.log"_s;
    m_network = new QNetworkAccessManager(this);
    m_stateTimer = new QTimer(this);
    connect(m_stateTimer, &QTimer::timeout, this, [this] {
        if (!m_ready)
            checkReadiness();
        writeState();
    });
}

Stack::~Stack()
{
    down();
}

Status Stack::up()
{
    QDir().mkpath(m_options.logDir());
    // The state directory is the owner's alone; what PostgreSQL, PgBouncer and nginx's workers
    // (their own accounts) must enter lives outside it when root runs the stack.
    if (auto status = m_layout.prepare(); !status)
        return status;
    m_postgresOptions.dataDir = m_layout.postgresDir();
    m_pgbouncerOptions.configDir = m_layout.pgbouncerDir();
    ::chmod(QFile::encodeName(m_options.logDir()).constData(), 0700);
    // This process (migrations, the operator key, scaling) and the replicas find the database
    // password here; it is in no URL.
    qputenv("PGPASSFILE", QFile::encodeName(m_layout.passwordFile()));
    writeState();
    if (auto status = claimPorts(); !status)
        return status;

    // The database, its schema (migrated here once, before any replica starts), PgBouncer.
    if (auto status = PostgresCluster::initialize(m_postgresOptions); !status)
        return status;
    m_postgres = PostgresCluster::createProcess(m_postgresOptions, this);
    if (!m_postgres->start())
        return Error::unavailable(u"cannot start PostgreSQL: "_s + m_postgres->lastError());
    writeState(); // status shows start-up as it goes
    if (auto status = PostgresCluster::waitAndBootstrap(m_postgresOptions, 120000); !status)
        return status;
    const QString directUrl = PostgresCluster::url(m_postgresOptions);
    if (const auto applied = db::Migrator::migrateWhenReady(directUrl, 60); !applied)
        return applied.error();
    if (auto status = OperatorKeyFile::ensure(directUrl, OperatorKeyFile::path(m_options.stateDir)); !status)
        return status;
    const auto secret = PostgresCluster::scramSecret(m_postgresOptions);
    if (!secret)
        return secret.error();
    m_pgbouncerOptions.scramSecret = *secret;
    if (auto status = PgBouncer::configure(m_pgbouncerOptions); !status)
        return status;
    m_pgbouncer = PgBouncer::createProcess(m_pgbouncerOptions, this);
    if (!m_pgbouncer->start())
        return Error::unavailable(u"cannot start PgBouncer: "_s + m_pgbouncer->lastError());
    writeState();
    if (auto status = PgBouncer::waitReady(m_pgbouncerOptions, 60000); !status)
        return status;

    m_redis = RedisServer::createProcess(m_redisOptions, this);
    if (!m_redis->start())
        return Error::unavailable(u"cannot start Redis: "_s + m_redis->lastError());
    writeState();
    if (auto status = RedisServer::waitReady(m_redisOptions, 30000); !status)
        return status;

    if (m_options.kafkaBrokers.isEmpty()) {
        ChildProcess::Spec spec;
        spec.name = u"broker"_s;
        spec.program = m_options.binDir + u"/wf-broker"_s;
        spec.environment = ChildProcess::platformEnvironment();
        spec.environment.remove(u"WF_ADMIN_TOKEN"_s);
        spec.arguments = {u"--port"_s, QString::number(m_options.brokerPort), u"--partitions"_s,
                          QString::number(m_options.partitions)};
        spec.logFile = m_options.logDir() + u"/broker.log"_s;
        m_broker = new ChildProcess(spec, this);
        if (!m_broker->start())
            return Error::unavailable(u"cannot start the broker: "_s + m_broker->lastError());
        writeState();
    }

    Nginx::Options nginx;
    nginx.dir = m_options.stateDir + u"/nginx"_s;
    nginx.temporaryDir = m_layout.nginxBuffersDir();
    nginx.logDir = m_options.logDir();
    nginx.host = m_options.httpHost;
    nginx.port = m_options.httpPort;
    nginx.statusPort = m_options.nginxStatusPort;
    m_servers = new ServerPool([this](int index) { return replicaSpec(u"server"_s, index); }, nginx, this);
    m_workers = new ReplicaSet(u"worker"_s, [this](int index) { return replicaSpec(u"worker"_s, index); }, this);
    if (auto status = m_servers->start(m_options.apiReplicas); !status)
        return status;
    m_workers->setDesired(m_options.workerReplicas);

    const auto url = db::DatabaseUrl::parse(directUrl);
    m_database = std::make_unique<db::Database>(*url, 1, 16);
    m_replicas = std::make_unique<LocalReplicas>(*m_servers, *m_workers);
    m_reconciler = new ScalingReconciler(*m_database, *m_replicas,
                                         {m_options.serverMin, m_options.serverMax, m_options.workerMin, m_options.workerMax},
                                         this);
    m_reconciler->start(m_options.apiReplicas, m_options.workerReplicas);

    m_state = u"starting"_s;
    m_stateTimer->start(500);
    writeState();
    return Done{};
}

Status Stack::claimPorts() const
{
    struct Claim
    {
        QString component;
        QString host;
        int port;
        QString setting;
    };
    QList<Claim> claims{{u"postgres"_s, u"127.0.0.1"_s, m_options.postgresPort, u"WF_STACK_POSTGRES_PORT"_s},
                        {u"pgbouncer"_s, u"127.0.0.1"_s, m_options.pgbouncerPort, u"WF_STACK_PGBOUNCER_PORT"_s},
                        {u"redis"_s, u"127.0.0.1"_s, m_options.redisPort, u"WF_STACK_REDIS_PORT"_s}};
    if (m_options.kafkaBrokers.isEmpty())
        claims.append({u"broker"_s, u"127.0.0.1"_s, m_options.brokerPort, u"WF_STACK_BROKER_PORT"_s});
    claims.append({u"nginx"_s, m_options.httpHost, m_options.httpPort, u"WF_HTTP_PORT"_s});
    for (int i = 1; i <= m_options.apiReplicas; ++i)
        claims.append({u"server-%1"_s.arg(i), u"127.0.0.1"_s, m_options.serverPort + i - 1, u"WF_STACK_SERVER_PORT"_s});
    for (int i = 1; i <= m_options.workerReplicas; ++i)
        claims.append({u"worker-%1"_s.arg(i), u"127.0.0.1"_s, m_options.workerHealthPort + i - 1, u"WF_STACK_WORKER_HEALTH_PORT"_s});

    QStringList problems;
    QHash<int, QString> taken;
    for (const Claim &claim : std::as_const(claims)) {
        if (taken.contains(claim.port)) {
            problems << u"%1 and %2 would both listen on port %3 (%4 moves %1's)"_s.arg(claim.component, taken.value(claim.port))
                                .arg(claim.port)
                                .arg(claim.setting);
            continue;
        }
        taken.insert(claim.port, claim.component);
        QString why;
        if (!PortCheck::canListen(claim.host, claim.port, &why))
            problems << u"%1 cannot listen on %2:%3: %4 (free it, or choose another port with %5)"_s.arg(claim.component, claim.host)
                                .arg(claim.port)
                                .arg(why, claim.setting);
    }
    if (problems.isEmpty())
        return Done{};
    return Error::unavailable(problems.join(u"; "_s));
}

bool Stack::servicesRunning() const
{
    for (const ChildProcess *service : {m_postgres, m_pgbouncer, m_redis}) {
        if (!service || !service->running())
            return false;
    }
    return m_options.kafkaBrokers.isEmpty() ? m_broker && m_broker->running() : true;
}

QString Stack::kafkaBrokers() const
{
    return m_options.kafkaBrokers.isEmpty() ? u"127.0.0.1:%1"_s.arg(m_options.brokerPort) : m_options.kafkaBrokers;
}

ChildProcess::Spec Stack::replicaSpec(const QString &component, int index) const
{
    ChildProcess::Spec spec;
    spec.name = u"%1-%2"_s.arg(component).arg(index);
    spec.program = m_options.binDir + (component == u"server"_s ? u"/wf-server"_s : u"/wf-worker"_s);
    // Through PgBouncer only; the cache and the broker of this stack.
    spec.environment = ChildProcess::platformEnvironment();
    if (component != u"server"_s)
        spec.environment.remove(u"WF_ADMIN_TOKEN"_s); // the bootstrap key is the servers' alone
    spec.environment.insert(u"WF_DATABASE_URL"_s, PgBouncer::url(m_pgbouncerOptions));
    spec.environment.insert(u"PGPASSFILE"_s, m_layout.passwordFile());
    spec.environment.insert(u"WF_REDIS_URL"_s, RedisServer::url(m_redisOptions));
    spec.environment.insert(u"WF_KAFKA_BROKERS"_s, kafkaBrokers());
    spec.environment.insert(u"WF_INSTANCE_ID"_s, spec.name);
    if (component == u"server"_s) {
        spec.environment.insert(u"WF_AUTH"_s, m_options.auth);
        spec.environment.insert(u"WF_HTTP_HOST"_s, u"127.0.0.1"_s);
        spec.environment.insert(u"WF_HTTP_PORT"_s, QString::number(m_options.serverPort + index - 1));
    } else {
        spec.environment.insert(u"WF_WORKER_HEALTH_PORT"_s, QString::number(m_options.workerHealthPort + index - 1));
        spec.environment.insert(u"WF_WEBHOOK_ALLOW"_s, m_options.webhookAllow);
    }
    spec.logFile = m_options.logDir() + u'/' + spec.name + u".log"_s;
    // Servers finish the requests they hold; workers finish or hand back their runs and leave the
    // consumer group.
    spec.stopTimeoutMs = 30000;
    return spec;
}

void Stack::checkReadiness()
{
    // Ready when every service runs, nginx holds its port and answers with one of this stack's
    // servers (each answered /health/ready under its own instance id and is in nginx's upstream
    // list), and every worker answers /health/ready (it joined the consumer group).
    if (!servicesRunning() || !m_servers || !m_servers->allReady() || !m_servers->nginxListening())
        return;
    struct Round
    {
        int pending = 0;
        bool ok = true;
    };
    auto round = std::make_shared<Round>();
    auto settle = [this, round](bool ok) {
        round->ok = round->ok && ok;
        if (--round->pending == 0 && round->ok && !m_ready) {
            m_ready = true;
            m_state = u"running"_s;
            writeState();
        }
    };
    auto ask = [this, round, settle](const QUrl &url, const QSet<QByteArray> &instances) {
        ++round->pending;
        QNetworkRequest request(url);
        request.setTransferTimeout(2000);
        QNetworkReply *reply = m_network->get(request);
        connect(reply, &QNetworkReply::finished, this, [reply, instances, settle] {
            reply->deleteLater();
            settle(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200
                   && instances.contains(reply->rawHeader("X-Instance-Id")));
        });
    };
    QSet<QByteArray> servers;
    const QStringList instances = m_servers->instances();
    for (const QString &instance : instances)
        servers.insert(instance.toUtf8());
    // All requests are made before any answer is handled (answers come from the event loop).
    ask(QUrl(u"http://%1:%2/health/ready"_s.arg(reachableHost(m_options.httpHost)).arg(m_options.httpPort)), servers);
    const int wanted = m_workers ? m_workers->desired() : 0;
    for (int i = 0; i < wanted; ++i)
        ask(QUrl(u"http://127.0.0.1:%1/health/ready"_s.arg(m_options.workerHealthPort + i)), {"worker-" + QByteArray::number(i + 1)});
}

void Stack::down()
{
    if (m_stopped)
        return;
    m_state = u"stopping"_s;
    writeState();
    m_stateTimer->stop();
    delete m_reconciler;
    m_reconciler = nullptr;
    if (m_servers)
        m_servers->stopAll(30000);
    if (m_workers)
        m_workers->stopAll(35000);
    if (m_database)
        m_database->shutdown();
    for (ChildProcess *service : {m_broker, m_redis, m_pgbouncer, m_postgres}) {
        if (service) {
            service->stop();
            service->waitStopped(35000);
        }
    }
    m_stopped = true;
    m_state = m_error.isEmpty() ? u"stopped"_s : u"failed"_s;
    writeState();
}

void Stack::fail(const QString &error)
{
    m_error = error;
    m_state = u"failed"_s;
    writeState();
}

QJsonObject Stack::processStatus(const ChildProcess *process, const QJsonObject &extra)
{
    QJsonObject object = extra;
    QJsonArray pids;
    if (process && process->running())
        pids.append(process->pid());
    object.insert(u"pids"_s, pids);
    object.insert(u"restarts"_s, process ? process->restarts() : 0);
    return object;
}

QJsonObject Stack::snapshot() const
{
    QJsonObject components;
    components.insert(u"postgres"_s, processStatus(m_postgres, {{u"port"_s, m_options.postgresPort},
                                                                {u"data_dir"_s, m_postgresOptions.dataDir}}));
    components.insert(u"pgbouncer"_s, processStatus(m_pgbouncer, {{u"port"_s, m_options.pgbouncerPort},
                                                                  {u"pool_mode"_s, u"transaction"_s}}));
    components.insert(u"redis"_s, processStatus(m_redis, {{u"port"_s, m_options.redisPort}}));
    components.insert(u"broker"_s, processStatus(m_broker, {{u"bootstrap"_s, kafkaBrokers()},
                                                            {u"embedded"_s, m_options.kafkaBrokers.isEmpty()}}));
    if (m_servers) {
        components.insert(u"nginx"_s, m_servers->nginxStatus());
        components.insert(u"server"_s, m_servers->status());
    } else {
        components.insert(u"server"_s, QJsonObject{{u"desired"_s, m_options.apiReplicas}, {u"actual"_s, 0}, {u"pids"_s, QJsonArray()}});
    }
    QJsonArray workerPorts;
    for (int i = 0; i < (m_workers ? m_workers->desired() : m_options.workerReplicas); ++i)
        workerPorts.append(m_options.workerHealthPort + i);
    components.insert(u"worker"_s, m_workers ? m_workers->status({{u"health_ports"_s, workerPorts}})
                                             : QJsonObject{{u"desired"_s, m_options.workerReplicas},
                                                           {u"actual"_s, 0},
                                                           {u"pids"_s, QJsonArray()}});
    QJsonObject state{{u"state"_s, m_state},
            {u"pid"_s, QCoreApplication::applicationPid()},
            {u"state_dir"_s, m_options.stateDir},
            {u"api_url"_s, u"http://127.0.0.1:%1"_s.arg(m_options.httpPort)},
            {u"auth"_s, m_options.auth},
            {u"operator_token_file"_s, OperatorKeyFile::path(m_options.stateDir)},
            {u"database_password_file"_s, m_layout.passwordFile()},
            {u"components"_s, components}};
    if (!m_error.isEmpty())
        state.insert(u"error"_s, m_error);
    return state;
}

void Stack::writeState()
{
    StateFile::write(m_options.statePath(), snapshot());
}

} // namespace wf::stack
