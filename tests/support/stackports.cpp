#include "stackports.h"

#include "testcluster.h"

#include "core/json.h"

#include <QFile>
#include <QProcess>

#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace wf::test {

StackPorts::StackPorts(int replicas)
    : http(freePort()), server(consecutiveFreePorts(replicas)), workerHealth(consecutiveFreePorts(replicas)),
      postgres(freePort()), pgbouncer(freePort()), redis(freePort()), broker(freePort()), nginxStatus(freePort())
{
}

QProcessEnvironment StackPorts::environment(const QString &stateDir, QProcessEnvironment environment) const
{
    environment.insert(u"WF_STACK_STATE_DIR"_s, stateDir);
    environment.insert(u"WF_STACK_POSTGRES_PORT"_s, QString::number(postgres));
    environment.insert(u"WF_STACK_BROKER_PORT"_s, QString::number(broker));
    environment.insert(u"WF_STACK_WORKER_HEALTH_PORT"_s, QString::number(workerHealth));
    environment.insert(u"WF_HTTP_PORT"_s, QString::number(http));
    environment.insert(u"WF_STACK_SERVER_PORT"_s, QString::number(server));
    environment.insert(u"WF_STACK_PGBOUNCER_PORT"_s, QString::number(pgbouncer));
    environment.insert(u"WF_STACK_REDIS_PORT"_s, QString::number(redis));
    environment.insert(u"WF_STACK_NGINX_STATUS_PORT"_s, QString::number(nginxStatus));
    return environment;
}

int StackPorts::consecutiveFreePorts(int count)
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        const int port = freePort();
        bool all = true;
        for (int i = 1; i < count && all; ++i) {
            QTcpServer probe;
            all = probe.listen(QHostAddress::Any, quint16(port + i));
        }
        if (all)
            return port;
    }
    return 0;
}

int stackCommand(const QProcessEnvironment &environment, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(binDir() + u"/wf-stack"_s, arguments);
    process.waitForFinished(timeoutMs);
    return process.exitCode();
}

QJsonObject stackStatus(const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(binDir() + u"/wf-stack"_s, {u"status"_s, u"--json"_s});
    process.waitForFinished(10000);
    return json::parse(process.readAllStandardOutput()).value_or(QJsonValue()).toObject();
}

QByteArray stackOperatorKey(const QProcessEnvironment &environment)
{
    QFile file(stackStatus(environment).value(u"operator_token_file"_s).toString());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().trimmed();
}

} // namespace wf::test
