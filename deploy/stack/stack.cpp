#include "stack.h"

#include "childprocess.h"
#include "replicaset.h"
#include "statefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace wf::stack {

Stack::Stack(StackOptions options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    m_postgresOptions.dataDir = PostgresCluster::reachableDataDir(m_options.stateDir + u"/postgres"_s);
    m_postgresOptions.port = m_options.postgresPort;
    m_postgresOptions.logFile = m_options.logDir() + u"/postgres.log"_s;
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
    writeState();
    if (auto status = PostgresCluster::initialize(m_postgresOptions); !status)
        return status;
    m_postgres = PostgresCluster::createProcess(m_postgresOptions, this);
    if (!m_postgres->start())
        return Error::unavailable(u"cannot start PostgreSQL: "_s + m_postgres->lastError());
    if (auto status = PostgresCluster::waitAndBootstrap(m_postgresOptions, 120000); !status)
        return status;

    if (m_options.kafkaBrokers.isEmpty()) {
        ChildProcess::Spec spec;
        spec.name = u"broker"_s;
        spec.program = m_options.binDir + u"/wf-broker"_s;
        spec.arguments = {u"--port"_s, QString::number(m_options.brokerPort), u"--partitions"_s,
                          QString::number(m_options.partitions)};
        spec.logFile = m_options.logDir() + u"/broker.log"_s;
        m_broker = new ChildProcess(spec, this);
        if (!m_broker->start())
            return Error::unavailable(u"cannot start the broker: "_s + m_broker->lastError());
    }

    const QString databaseUrl = PostgresCluster::url(m_postgresOptions);
    m_servers = createReplicas(u"server"_s, u"wf-server"_s, databaseUrl);
    m_workers = createReplicas(u"worker"_s, u"wf-worker"_s, databaseUrl);
    m_servers->setDesired(m_options.apiReplicas);
    m_workers->setDesired(m_options.workerReplicas);
    m_state = u"starting"_s;
    m_stateTimer->start(500);
    writeState();
    return Done{};
}

QString Stack::kafkaBrokers() const
{
    return m_options.kafkaBrokers.isEmpty() ? u"127.0.0.1:%1"_s.arg(m_options.brokerPort) : m_options.kafkaBrokers;
}

ReplicaSet *Stack::createReplicas(const QString &component, const QString &program, const QString &databaseUrl)
{
    return new ReplicaSet(
            component,
            [this, component, program, databaseUrl](int index) {
                ChildProcess::Spec spec;
                spec.name = u"%1-%2"_s.arg(component).arg(index);
                spec.program = m_options.binDir + u'/' + program;
                spec.environment.insert(u"WF_DATABASE_URL"_s, databaseUrl);
                spec.environment.insert(u"WF_KAFKA_BROKERS"_s, kafkaBrokers());
                spec.environment.insert(u"WF_INSTANCE_ID"_s, spec.name);
                if (component == u"server"_s)
                    spec.environment.insert(u"WF_HTTP_PORT"_s, QString::number(m_options.httpPort + index - 1));
                else
                    spec.environment.insert(u"WF_WORKER_HEALTH_PORT"_s, QString::number(m_options.workerHealthPort + index - 1));
                spec.logFile = m_options.logDir() + u'/' + spec.name + u".log"_s;
                // Workers finish or hand back their runs and leave the consumer group on SIGTERM.
                spec.stopTimeoutMs = 30000;
                return spec;
            },
            this);
}

void Stack::checkReadiness()
{
    // Ready when every server and every worker answers /health/ready with 200 (servers: the
    // database answers; workers: they joined the consumer group too), each under its own
    // instance id, so that another program on one of the ports cannot pass for it.
    QList<QPair<int, QByteArray>> endpoints;
    for (int i = 0; i < (m_servers ? m_servers->desired() : 0); ++i)
        endpoints.append({m_options.httpPort + i, "server-" + QByteArray::number(i + 1)});
    for (int i = 0; i < (m_workers ? m_workers->desired() : 0); ++i)
        endpoints.append({m_options.workerHealthPort + i, "worker-" + QByteArray::number(i + 1)});
    auto answered = std::make_shared<int>(0);
    const int wanted = int(endpoints.size());
    for (const auto &[port, instance] : std::as_const(endpoints)) {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/health/ready"_s.arg(port)));
        request.setTransferTimeout(2000);
        QNetworkReply *reply = m_network->get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, answered, wanted, instance = instance] {
            reply->deleteLater();
            const bool ready = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200
                    && reply->rawHeader("X-Instance-Id") == instance;
            if (ready && ++*answered == wanted && !m_ready) {
                m_ready = true;
                m_state = u"running"_s;
                writeState();
            }
        });
    }
}

void Stack::down()
{
    if (m_state == u"stopped"_s)
        return;
    m_state = u"stopping"_s;
    writeState();
    m_stateTimer->stop();
    if (m_servers)
        m_servers->stopAll(20000);
    if (m_workers)
        m_workers->stopAll(35000);
    if (m_broker) {
        m_broker->stop();
        m_broker->waitStopped(10000);
    }
    if (m_postgres) {
        m_postgres->stop();
        m_postgres->waitStopped(35000);
    }
    m_state = u"stopped"_s;
    writeState();
}

QJsonObject Stack::snapshot() const
{
    QJsonObject components;
    QJsonArray postgresPids;
    if (m_postgres && m_postgres->running())
        postgresPids.append(m_postgres->pid());
    components.insert(u"postgres"_s, QJsonObject{{u"pids"_s, postgresPids},
                                                 {u"port"_s, m_options.postgresPort},
                                                 {u"data_dir"_s, m_postgresOptions.dataDir},
                                                 {u"restarts"_s, m_postgres ? m_postgres->restarts() : 0}});
    QJsonArray ports;
    for (int i = 0; i < (m_servers ? m_servers->desired() : m_options.apiReplicas); ++i)
        ports.append(m_options.httpPort + i);
    components.insert(u"server"_s, m_servers ? m_servers->status({{u"ports"_s, ports}})
                                             : QJsonObject{{u"desired"_s, m_options.apiReplicas},
                                                           {u"actual"_s, 0},
                                                           {u"pids"_s, QJsonArray()},
                                                           {u"ports"_s, ports}});
    QJsonArray workerPorts;
    for (int i = 0; i < (m_workers ? m_workers->desired() : m_options.workerReplicas); ++i)
        workerPorts.append(m_options.workerHealthPort + i);
    components.insert(u"worker"_s, m_workers ? m_workers->status({{u"health_ports"_s, workerPorts}})
                                             : QJsonObject{{u"desired"_s, m_options.workerReplicas},
                                                           {u"actual"_s, 0},
                                                           {u"pids"_s, QJsonArray()}});
    QJsonArray brokerPids;
    if (m_broker && m_broker->running())
        brokerPids.append(m_broker->pid());
    components.insert(u"broker"_s, QJsonObject{{u"pids"_s, brokerPids},
                                               {u"bootstrap"_s, kafkaBrokers()},
                                               {u"embedded"_s, m_options.kafkaBrokers.isEmpty()},
                                               {u"restarts"_s, m_broker ? m_broker->restarts() : 0}});
    return {{u"state"_s, m_state},
            {u"pid"_s, QCoreApplication::applicationPid()},
            {u"state_dir"_s, m_options.stateDir},
            {u"api_url"_s, u"http://127.0.0.1:%1"_s.arg(m_options.httpPort)},
            {u"components"_s, components}};
}

void Stack::writeState()
{
    StateFile::write(m_options.statePath(), snapshot());
}

} // namespace wf::stack
