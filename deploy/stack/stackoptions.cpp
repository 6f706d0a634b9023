#include "stackoptions.h"

#include "core/config.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

namespace wf::stack {

Result<StackOptions> StackOptions::from(const Config &config)
{
    StackOptions options;
    options.stateDir = QDir(config.string(u"stack/state_dir"_s, QDir::current().filePath(u".wf"_s))).absolutePath();
    options.binDir = config.string(u"stack/bin_dir"_s, QCoreApplication::applicationDirPath());
    QStringList problems;
    auto readInt = [&](const QString &key, int fallback, int min, int max) {
        bool ok = true;
        const qint64 value = config.integer(key, fallback, &ok);
        if (!ok || value < min || value > max) {
            problems << u"%1 must be an integer between %2 and %3"_s.arg(Config::environmentName(key)).arg(min).arg(max);
            return fallback;
        }
        return int(value);
    };
    options.serverMin = readInt(u"stack/server_min"_s, 1, 1, 64);
    options.serverMax = readInt(u"stack/server_max"_s, 16, options.serverMin, 64);
    options.workerMin = readInt(u"stack/worker_min"_s, 0, 0, 64);
    options.workerMax = readInt(u"stack/worker_max"_s, 16, options.workerMin, 64);
    options.apiReplicas = readInt(u"stack/api_replicas"_s, 3, options.serverMin, options.serverMax);
    options.workerReplicas = readInt(u"stack/worker_replicas"_s, 3, options.workerMin, options.workerMax);
    options.httpPort = readInt(u"http/port"_s, 8000, 1, 65535);
    options.httpHost = config.string(u"http/host"_s, u"0.0.0.0"_s);
    options.serverPort = readInt(u"stack/server_port"_s, 8001, 1, 65535 - 64);
    options.postgresPort = readInt(u"stack/postgres_port"_s, 25432, 1, 65535);
    options.brokerPort = readInt(u"stack/broker_port"_s, 29092, 1, 65535);
    options.pgbouncerPort = readInt(u"stack/pgbouncer_port"_s, 26432, 1, 65535);
    options.redisPort = readInt(u"stack/redis_port"_s, 26379, 1, 65535);
    options.nginxStatusPort = readInt(u"stack/nginx_status_port"_s, 0, 0, 65535);
    options.workerHealthPort = readInt(u"stack/worker_health_port"_s, 8100, 1, 65535 - 64);
    options.partitions = readInt(u"kafka/partitions"_s, 3, 1, 1024);
    options.kafkaBrokers = config.string(u"kafka/brokers"_s);
    options.auth = config.string(u"auth"_s, u"open"_s);
    options.webhookAllow = config.string(u"webhook/allow"_s, u"127.0.0.0/8,::1"_s);
    if (options.auth != u"open"_s && options.auth != u"required"_s)
        problems << u"WF_AUTH must be open or required, got \"%1\""_s.arg(options.auth.left(40));
    if (!problems.isEmpty())
        return Error::invalid(problems.join(u"; "_s));
    return options;
}

QString StackOptions::statePath() const
{
    return stateDir + u"/stack.json"_s;
}

QString StackOptions::logDir() const
{
    return stateDir + u"/logs"_s;
}

} // namespace wf::stack
