#include "settings.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

QString defaultInstanceId()
{
    return QSysInfo::machineHostName() + u'-' + QString::number(QCoreApplication::applicationPid());
}

constexpr Settings::Executables Server = Settings::Executable::Server;
constexpr Settings::Executables Worker = Settings::Executable::Worker;
constexpr Settings::Executables Stack = Settings::Executable::Stack;
constexpr Settings::Executables ServerWorker = Server | Worker;
constexpr Settings::Executables ServerStack = Server | Stack;
constexpr Settings::Executables ServerWorkerStack = Server | Worker | Stack;

} // namespace

QList<Settings::Entry> Settings::catalog()
{
    return {
        {u"database/url"_s, u"postgresql://workflow@127.0.0.1:5432/workflow"_s,
         u"PostgreSQL (or PgBouncer) URL: postgresql://user:password@host:port/database"_s, ServerWorkerStack},
        {u"database/connections"_s, u"4"_s, u"database connections (each with its own thread) per process"_s, ServerWorker},
        {u"database/timeout_ms"_s, u"5000"_s, u"longest an API request waits for the database: then 503, and after 3 in a row requests are refused at once for 2 s (circuit breaker); 0 = no bound"_s, Server},
        {u"database/batch"_s, u"64"_s, u"most queued jobs one transaction carries (group commit)"_s, ServerWorker},
        {u"http/host"_s, u"0.0.0.0"_s, u"address the API listens on"_s, ServerStack},
        {u"http/port"_s, u"8000"_s, u"port the API listens on"_s, ServerStack},
        {u"http/threads"_s, u"0"_s, u"event-loop threads of the API, 0 = one per core"_s, Server},
        {u"http/max_body_bytes"_s, u"1048576"_s, u"largest request body accepted (larger gets 413)"_s, Server},
        {u"instance/id"_s, u"<host>-<pid>"_s, u"name of this replica, sent as X-Instance-Id"_s, ServerWorker},
        {u"log/format"_s, u"text"_s, u"log line format: text or json"_s, ServerWorkerStack},
        {u"auth"_s, u"required"_s, u"required: every API route but health, docs and metrics needs a key; open: client routes need none (admin routes always need an operator key); wf-stack runs its servers open unless set"_s, ServerStack},
        {u"rate_limit/client"_s, u"1000"_s, u"requests per second per client key, \"rate\" or \"rate:burst\" (burst defaults to 2 x rate), shared by all replicas through Redis; 0 = none"_s, Server},
        {u"rate_limit/operator"_s, u"1000"_s, u"requests per second per operator key (as rate_limit/client)"_s, Server},
        {u"rate_limit/address"_s, u"0"_s, u"requests per second per client address for requests without a key (WF_AUTH=open); 0 = none"_s, Server},
        {u"admin/token"_s, u""_s, u"bootstrap operator key (at least 32 characters), besides the keys in the database; required with WF_AUTH=required"_s, Server},
        {u"redis/url"_s, u""_s, u"Redis cache, redis://[:password@]host:port/db; empty = no cache"_s, ServerWorker},
        {u"kafka/brokers"_s, u""_s, u"Kafka bootstrap servers (host:port,...); empty = triggers wait in the outbox"_s, ServerWorkerStack},
        {u"kafka/properties"_s, u""_s, u"extra librdkafka settings: name=value;name=value"_s, ServerWorker},
        {u"kafka/session_timeout_ms"_s, u"10000"_s, u"consumer group session timeout (a dead worker's partitions move after it)"_s, Worker},
        {u"worker/concurrency"_s, u"1000"_s, u"runs one worker executes at once (more pauses consumption)"_s, Worker},
        {u"worker/lease_seconds"_s, u"15"_s, u"how long a run stays with a worker that stops renewing it"_s, Worker},
        {u"worker/requeue_seconds"_s, u"60"_s, u"a pending run untouched this long is published again"_s, Worker},
        {u"worker/max_executions"_s, u"5"_s, u"executions of one run before it ends failed (its workers keep dying)"_s, Worker},
        {u"run/max_step_output_bytes"_s, u"1048576"_s, u"largest output of one step; more fails the step"_s, Worker},
        {u"run/max_bytes"_s, u"16777216"_s, u"largest sum of one run's step outputs; more fails the step"_s, Worker},
        {u"webhook/allow"_s, u""_s, u"address ranges (CIDR, comma-separated) webhook steps may reach besides public addresses; loopback, private, link-local … are refused otherwise (wf-stack's workers: 127.0.0.0/8,::1)"_s, Worker | Stack},
        {u"worker/health_port"_s, u"0"_s, u"worker's /health, /health/ready, /stats and /metrics port (0 = none)"_s, Worker},
        {u"worker/health_host"_s, u"127.0.0.1"_s, u"address the worker's health port listens on (containers: 0.0.0.0, for probes and scrapers)"_s, Worker},
        {u"autoscale/worker_lag_high"_s, u"1000"_s, u"autoscaler: Kafka lag above which workers are added"_s, Server},
        {u"autoscale/worker_lag_low"_s, u"100"_s, u"autoscaler: Kafka lag below which workers are removed"_s, Server},
        {u"autoscale/worker_step"_s, u"1"_s, u"autoscaler: workers added or removed at once"_s, Server},
        {u"autoscale/worker_cooldown_seconds"_s, u"60"_s, u"autoscaler: least time between two changes of the worker count"_s, Server},
        {u"autoscale/server_cpu_high"_s, u"70"_s, u"autoscaler: average server CPU % (of one core, 10 s) above which servers are added"_s, Server},
        {u"autoscale/server_cpu_low"_s, u"30"_s, u"autoscaler: average server CPU % below which servers are removed"_s, Server},
        {u"autoscale/server_p99_high_ms"_s, u"2000"_s, u"autoscaler: request p99 (10 s) above which servers are added"_s, Server},
        {u"autoscale/server_step"_s, u"1"_s, u"autoscaler: servers added or removed at once"_s, Server},
        {u"autoscale/server_cooldown_seconds"_s, u"60"_s, u"autoscaler: least time between two changes of the server count"_s, Server},
        {u"stats/history_seconds"_s, u"3600"_s, u"how long the cluster stats history (1 sample/s) is kept"_s, Server},
        // wf-stack's own (deploy/stack/stackoptions.cpp, and reconcile in stackcommands.cpp)
        {u"stack/state_dir"_s, u"./.wf"_s, u"pids (stack.json), logs, the PostgreSQL cluster"_s, Stack},
        {u"stack/bin_dir"_s, u"next to wf-stack"_s, u"where wf-server, wf-worker and wf-broker are"_s, Stack},
        {u"stack/api_replicas"_s, u"3"_s, u"wf-server replicas (--api)"_s, Stack},
        {u"stack/worker_replicas"_s, u"3"_s, u"wf-worker replicas (--workers)"_s, Stack},
        {u"stack/server_min"_s, u"1"_s, u"fewest servers the admin API accepts"_s, Stack},
        {u"stack/server_max"_s, u"16"_s, u"most servers the admin API accepts"_s, Stack},
        {u"stack/worker_min"_s, u"0"_s, u"fewest workers"_s, Stack},
        {u"stack/worker_max"_s, u"16"_s, u"most workers"_s, Stack},
        {u"stack/server_port"_s, u"8001"_s, u"first server's own port (127.0.0.1, behind nginx); the next ones follow"_s, Stack},
        {u"stack/worker_health_port"_s, u"8100"_s, u"first worker's health port; the next ones follow"_s, Stack},
        {u"stack/postgres_port"_s, u"25432"_s, u"the stack's own PostgreSQL"_s, Stack},
        {u"stack/pgbouncer_port"_s, u"26432"_s, u"PgBouncer (transaction pooling)"_s, Stack},
        {u"stack/redis_port"_s, u"26379"_s, u"Redis (the cache)"_s, Stack},
        {u"stack/nginx_status_port"_s, u"0"_s, u"nginx's stub_status on 127.0.0.1 (/nginx_status); 0 = none, deploy/up uses 8090"_s, Stack},
        {u"stack/broker_port"_s, u"29092"_s, u"the embedded broker (when WF_KAFKA_BROKERS is empty)"_s, Stack},
        {u"kafka/partitions"_s, u"3"_s, u"partitions of workflow.trigger on the embedded broker"_s, Stack},
        {u"k8s/api"_s, u"https://kubernetes.default.svc"_s, u"reconcile: Kubernetes API server"_s, Stack},
        {u"k8s/namespace"_s, u"the service account's"_s, u"reconcile: namespace of the Deployments"_s, Stack},
        {u"k8s/server_deployment"_s, u"wf-server"_s, u"reconcile: Deployment of the API"_s, Stack},
        {u"k8s/worker_deployment"_s, u"wf-worker"_s, u"reconcile: Deployment of the workers"_s, Stack},
        {u"k8s/token_path"_s, u"/var/run/secrets/kubernetes.io/serviceaccount/token"_s, u"reconcile: bearer token file"_s, Stack},
        {u"k8s/ca_path"_s, u"/var/run/secrets/kubernetes.io/serviceaccount/ca.crt"_s, u"reconcile: CA of the API's certificate"_s, Stack},
    };
}

Settings::Executables Settings::executablesNamed(const QString &applicationName)
{
    if (applicationName == u"wf-server"_s)
        return Server;
    if (applicationName == u"wf-worker"_s)
        return Worker;
    if (applicationName == u"wf-stack"_s)
        return Stack;
    return ServerWorkerStack;
}

QString Settings::helpText(Executables executables)
{
    QString text = u"Settings (INI file given by --config, each overridden by its environment variable):\n"_s;
    QList<Entry> entries = catalog();
    entries.removeIf([executables](const Entry &entry) { return !(entry.executables & executables); });
    qsizetype width = 0;
    for (const Entry &entry : std::as_const(entries))
        width = qMax(width, Config::environmentName(entry.key).size());
    for (const Entry &entry : std::as_const(entries)) {
        text += u"  "_s + Config::environmentName(entry.key).leftJustified(width) + u' '
                + entry.description + u" [default: "_s + entry.defaultValue + u"]\n"_s;
    }
    return text;
}

Result<Settings> Settings::from(const Config &config)
{
    Settings s;
    QStringList problems;
    auto readInt = [&](const QString &key, qint64 fallback, qint64 min, qint64 max) -> qint64 {
        bool ok = true;
        const qint64 value = config.integer(key, fallback, &ok);
        if (!ok || value < min || value > max) {
            problems << u"%1 must be an integer between %2 and %3, got \"%4\""_s.arg(Config::environmentName(key))
                                .arg(min)
                                .arg(max)
                                .arg(config.string(key));
            return fallback;
        }
        return value;
    };

    s.databaseUrl = config.string(u"database/url"_s, u"postgresql://workflow@127.0.0.1:5432/workflow"_s);
    s.databaseConnections = int(readInt(u"database/connections"_s, 4, 1, 256));
    s.databaseTimeoutMs = int(readInt(u"database/timeout_ms"_s, 5000, 0, 600000));
    s.databaseBatch = int(readInt(u"database/batch"_s, 64, 1, 10000));
    s.httpHost = config.string(u"http/host"_s, u"0.0.0.0"_s);
    s.httpPort = int(readInt(u"http/port"_s, 8000, 0, 65535));
    s.httpThreads = int(readInt(u"http/threads"_s, 0, 0, 256));
    if (s.httpThreads == 0)
        s.httpThreads = qMax(1, QThread::idealThreadCount());
    s.httpMaxBodyBytes = readInt(u"http/max_body_bytes"_s, 1 << 20, 1, qint64(1) << 31);
    s.instanceId = config.string(u"instance/id"_s);
    if (s.instanceId.isEmpty())
        s.instanceId = defaultInstanceId();
    s.logFormat = config.string(u"log/format"_s, u"text"_s);
    if (s.logFormat != u"text"_s && s.logFormat != u"json"_s)
        problems << u"WF_LOG_FORMAT must be text or json, got \"%1\""_s.arg(s.logFormat);

    const QString auth = config.string(u"auth"_s, u"required"_s);
    if (auth != u"required"_s && auth != u"open"_s)
        problems << u"WF_AUTH must be required or open, got \"%1\""_s.arg(auth.left(40));
    s.authRequired = auth != u"open"_s;
    s.adminToken = config.string(u"admin/token"_s);
    static const QRegularExpression rateFormat(u"^\\s*\\d+(\\.\\d+)?(:\\d+(\\.\\d+)?)?\\s*$"_s);
    const auto readRate = [&](const QString &key, const QString &fallback) {
        const QString value = config.string(key, fallback);
        if (!rateFormat.match(value).hasMatch())
            problems << u"%1 must be \"rate\" or \"rate:burst\" (requests per second, e.g. 100 or 100:500), got \"%2\""_s
                                .arg(Config::environmentName(key), value.left(40));
        return value.trimmed();
    };
    s.rateLimitClient = readRate(u"rate_limit/client"_s, u"1000"_s);
    s.rateLimitOperator = readRate(u"rate_limit/operator"_s, u"1000"_s);
    s.rateLimitAddress = readRate(u"rate_limit/address"_s, u"0"_s);
    s.kafkaBrokers = config.string(u"kafka/brokers"_s);
    s.redisUrl = config.string(u"redis/url"_s);
    s.kafkaProperties = config.string(u"kafka/properties"_s);
    s.kafkaSessionTimeoutMs = int(readInt(u"kafka/session_timeout_ms"_s, 10000, 1000, 600000));
    s.workerConcurrency = int(readInt(u"worker/concurrency"_s, 1000, 1, 100000));
    s.workerLeaseSeconds = int(readInt(u"worker/lease_seconds"_s, 15, 2, 3600));
    s.workerRequeueSeconds = int(readInt(u"worker/requeue_seconds"_s, 60, 1, 86400));
    s.workerHealthPort = int(readInt(u"worker/health_port"_s, 0, 0, 65535));
    s.workerHealthHost = config.string(u"worker/health_host"_s, u"127.0.0.1"_s);
    s.webhookAllow = config.string(u"webhook/allow"_s);
    s.workerMaxExecutions = int(readInt(u"worker/max_executions"_s, 5, 1, 1000));
    s.runMaxStepOutputBytes = readInt(u"run/max_step_output_bytes"_s, 1 << 20, 1024, qint64(1) << 30);
    s.runMaxBytes = readInt(u"run/max_bytes"_s, 16 << 20, 1024, qint64(1) << 32);
    AutoscaleThresholds &scale = s.autoscale;
    scale.workerLagHigh = readInt(u"autoscale/worker_lag_high"_s, 1000, 1, qint64(1) << 40);
    scale.workerLagLow = readInt(u"autoscale/worker_lag_low"_s, 100, 0, qint64(1) << 40);
    scale.workerStep = int(readInt(u"autoscale/worker_step"_s, 1, 1, 1000));
    scale.workerCooldownSeconds = int(readInt(u"autoscale/worker_cooldown_seconds"_s, 60, 0, 86400));
    scale.serverCpuHigh = int(readInt(u"autoscale/server_cpu_high"_s, 70, 1, 100000));
    scale.serverCpuLow = int(readInt(u"autoscale/server_cpu_low"_s, 30, 0, 100000));
    scale.serverP99HighMs = int(readInt(u"autoscale/server_p99_high_ms"_s, 2000, 1, 3600000));
    scale.serverStep = int(readInt(u"autoscale/server_step"_s, 1, 1, 1000));
    scale.serverCooldownSeconds = int(readInt(u"autoscale/server_cooldown_seconds"_s, 60, 0, 86400));
    if (scale.workerLagLow >= scale.workerLagHigh)
        problems << u"WF_AUTOSCALE_WORKER_LAG_LOW must be below WF_AUTOSCALE_WORKER_LAG_HIGH"_s;
    if (scale.serverCpuLow >= scale.serverCpuHigh)
        problems << u"WF_AUTOSCALE_SERVER_CPU_LOW must be below WF_AUTOSCALE_SERVER_CPU_HIGH"_s;
    s.statsHistorySeconds = int(readInt(u"stats/history_seconds"_s, 3600, 60, 7 * 86400));

    if (!problems.isEmpty())
        return Error::invalid(problems.join(u"; "_s));
    return s;
}

} // namespace wf
