#include "readiness.h"

#include "portcheck.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QTcpSocket>
#include <QThread>

using namespace Qt::StringLiterals;

namespace wf::stack {

namespace {

QList<qint64> pidsOf(const QJsonObject &component)
{
    QList<qint64> pids;
    const QJsonArray list = component.value(u"pids"_s).toArray();
    for (const QJsonValue &pid : list)
        pids.append(pid.toInteger());
    return pids;
}

QString portsOf(const QJsonObject &component)
{
    QStringList ports;
    for (const QString &key : {u"ports"_s, u"health_ports"_s}) {
        const QJsonArray list = component.value(key).toArray();
        for (const QJsonValue &port : list)
            ports << QString::number(port.toInt());
    }
    if (component.contains(u"port"_s))
        ports << QString::number(component.value(u"port"_s).toInt());
    return ports.join(u' ');
}

struct Answer
{
    int status = 0;
    QByteArray instance;
    QString error;
};

// One GET on a fresh connection, headers only; no event loop needed.
Answer get(const QString &host, int port, const QByteArray &path, int timeoutMs)
{
    Answer answer;
    const QDeadlineTimer deadline(timeoutMs);
    QTcpSocket socket;
    socket.connectToHost(host, quint16(port));
    if (!socket.waitForConnected(int(deadline.remainingTime()))) {
        answer.error = socket.errorString();
        return answer;
    }
    socket.write("GET " + path + " HTTP/1.1\r\nHost: " + host.toLatin1() + ':' + QByteArray::number(port)
                 + "\r\nConnection: close\r\n\r\n");
    QByteArray received;
    while (!received.contains("\r\n\r\n") && !deadline.hasExpired()) {
        if (!socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        received += socket.readAll();
    }
    const qsizetype end = received.indexOf("\r\n\r\n");
    if (end < 0) {
        answer.error = received.isEmpty() ? u"no answer within %1 ms"_s.arg(timeoutMs) : u"not an HTTP answer"_s;
        return answer;
    }
    const QList<QByteArray> lines = received.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    answer.status = statusLine.value(1).toInt();
    for (const QByteArray &line : lines.mid(1)) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "x-instance-id")
            answer.instance = line.mid(colon + 1).trimmed();
    }
    return answer;
}

} // namespace

Status waitUntilAnswering(const std::function<bool()> &answers, int timeoutMs, const QString &service, int port,
                          const QString &logFile)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!answers()) {
        if (deadline.hasExpired())
            return Error::unavailable(u"%1 on port %2 did not come up (see %3)"_s.arg(service).arg(port).arg(logFile));
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(50);
    }
    return Done{};
}

QStringList stackComponents()
{
    return {u"nginx"_s, u"server"_s, u"worker"_s, u"postgres"_s, u"pgbouncer"_s, u"redis"_s, u"broker"_s};
}

int expectedProcesses(const QString &name, const QJsonObject &component)
{
    if (component.contains(u"desired"_s))
        return component.value(u"desired"_s).toInt();
    if (name == u"broker"_s && !component.value(u"embedded"_s).toBool(true))
        return 0;
    return 1;
}

QStringList componentProblems(const QJsonObject &state)
{
    QStringList problems;
    const QJsonObject components = state.value(u"components"_s).toObject();
    const QString logDir = state.value(u"state_dir"_s).toString() + u"/logs"_s;
    for (const QString &name : stackComponents()) {
        if (!components.contains(name)) {
            problems << u"%1 was not started"_s.arg(name);
            continue;
        }
        const QJsonObject component = components.value(name).toObject();
        const int wanted = expectedProcesses(name, component);
        // nginx lists its master and its workers; the master is the one that must live.
        const int live = name == u"nginx"_s ? qMin<int>(1, pidsOf(component).size()) : int(pidsOf(component).size());
        if (live >= wanted)
            continue;
        const int restarts = component.value(u"restarts"_s).toInt();
        QString detail = u"port%1 %2"_s.arg(portsOf(component).contains(u' ') ? u"s"_s : QString(), portsOf(component));
        if (restarts > 0)
            detail += u", restarted %1 time%2"_s.arg(restarts).arg(restarts == 1 ? QString() : u"s"_s);
        const QString log = component.contains(u"desired"_s) ? u"%1/%2-N.log"_s.arg(logDir, name) : u"%1/%2.log"_s.arg(logDir, name);
        problems << (wanted == 1 ? u"%1 has no live process (%2; see %3)"_s.arg(name, detail, log)
                                 : u"%1 has %2 of %3 live processes (%4; see %5)"_s.arg(name).arg(live).arg(wanted).arg(detail, log));
    }
    return problems;
}

QString reachableHost(const QString &host)
{
    return host.isEmpty() || host == u"0.0.0.0"_s ? u"127.0.0.1"_s : host == u"::"_s ? u"::1"_s : host;
}

QString entryProblem(const QJsonObject &state, int timeoutMs)
{
    const QJsonObject components = state.value(u"components"_s).toObject();
    const QJsonObject nginx = components.value(u"nginx"_s).toObject();
    const int port = nginx.value(u"port"_s).toInt();
    if (port <= 0)
        return u"nginx is not started"_s;
    const QList<qint64> nginxPids = pidsOf(nginx);
    if (nginxPids.isEmpty())
        return u"nginx has no live process (port %1)"_s.arg(port);
    // Whoever holds the port answers there: it has to be this stack's nginx.
    if (PortCheck::listeners(port, nginxPids).isEmpty()) {
        const QString holders = PortCheck::describe(PortCheck::listeners(port));
        return holders.isEmpty() ? u"nginx (pid %1) does not listen on port %2"_s.arg(nginxPids.first()).arg(port)
                                 : u"nginx does not hold port %1: %2 does"_s.arg(port).arg(holders);
    }
    QStringList instances;
    const QJsonArray recorded = components.value(u"server"_s).toObject().value(u"instances"_s).toArray();
    for (const QJsonValue &instance : recorded)
        instances << instance.toString();
    const QString host = reachableHost(nginx.value(u"host"_s).toString());
    const Answer answer = get(host, port, "/health/ready", timeoutMs);
    if (!answer.error.isEmpty())
        return u"nginx on port %1 does not answer: %2"_s.arg(port).arg(answer.error);
    if (answer.instance.isEmpty() || !instances.contains(QString::fromUtf8(answer.instance)))
        return u"port %1 answered %2 from %3, not from one of this stack's servers (%4)"_s.arg(port)
                .arg(answer.status)
                .arg(answer.instance.isEmpty() ? u"no X-Instance-Id"_s : u"instance \"%1\""_s.arg(QString::fromUtf8(answer.instance)))
                .arg(instances.isEmpty() ? u"none recorded"_s : instances.join(u", "_s));
    if (answer.status != 200)
        return u"nginx on port %1: /health/ready answered %2 (from %3)"_s.arg(port).arg(answer.status).arg(QString::fromUtf8(answer.instance));
    return {};
}

} // namespace wf::stack
