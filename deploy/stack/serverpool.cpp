#include "serverpool.h"

#include "childprocess.h"
#include "portcheck.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>

#include <csignal>

using namespace Qt::StringLiterals;

namespace wf::stack {

namespace {

constexpr int kPollMs = 500;
constexpr int kDrainLimitMs = 20000;
// nginx tries a busy port five times, half a second apart, before it gives up.
constexpr int kListenTimeoutMs = 10000;

qint64 fileSize(const QString &path)
{
    return QFile(path).size();
}

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

// The first "[emerg]" (or "[alert]", "[crit]") nginx wrote to `path` after `from`, without its
// time and pid: "bind() to 0.0.0.0:8000 failed (98: Address already in use)".
QString firstNginxComplaint(const QString &path, qint64 from)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(qMin(from, file.size())))
        return {};
    static const QRegularExpression complaint(uR"(\[(emerg|alert|crit)\] (\d+#\d+: )?(.*)$)"_s);
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QRegularExpressionMatch match = complaint.match(QString::fromUtf8(line.trimmed()));
        if (match.hasMatch())
            return match.captured(3);
    }
    return {};
}

} // namespace

ServerPool::ServerPool(ReplicaSet::SpecFactory factory, Nginx::Options nginx, QObject *parent)
    : QObject(parent), m_nginxOptions(std::move(nginx))
{
    m_replicas = new ReplicaSet(u"server"_s, std::move(factory), this);
    m_replicas->setStopHook([this](ChildProcess *child, std::function<void()> stopNow) { drain(child, std::move(stopNow)); });
    m_network = new QNetworkAccessManager(this);
    m_pollTimer = new QTimer(this);
    connect(m_pollTimer, &QTimer::timeout, this, &ServerPool::poll);
}

int ServerPool::portOf(const ChildProcess *child)
{
    return child->spec().environment.value(u"WF_HTTP_PORT"_s).toInt();
}

Status ServerPool::start(int replicas)
{
    if (auto status = Nginx::writeConfig(m_nginxOptions, {}); !status)
        return status;
    m_nginx = Nginx::createProcess(m_nginxOptions, this);
    // A master that died leaves its workers running (and accepting): end them before the restart.
    // They are in the master's process group (it was started in a session of its own), whose id
    // is not reused while any member lives.
    connect(m_nginx, &ChildProcess::started, this, [this](qint64 pid) { m_nginxGroup = pid; });
    connect(m_nginx, &ChildProcess::crashed, this, [this] {
        if (m_nginxGroup > 1)
            ::kill(-pid_t(m_nginxGroup), SIGKILL);
    });
    const QString errorLog = m_nginxOptions.logDir + u"/nginx-error.log"_s;
    const QString outputLog = m_nginxOptions.logDir + u"/nginx.log"_s;
    const qint64 errorFrom = fileSize(errorLog);
    const qint64 outputFrom = fileSize(outputLog);
    if (!m_nginx->start())
        return Error::unavailable(u"cannot start nginx: "_s + m_nginx->lastError());
    if (auto status = waitListening(kListenTimeoutMs); !status) {
        QString complaint = firstNginxComplaint(errorLog, errorFrom);
        if (complaint.isEmpty())
            complaint = firstNginxComplaint(outputLog, outputFrom);
        QString detail = status.error().detail();
        if (!complaint.isEmpty())
            detail += u"; nginx says: "_s + complaint;
        return Error::unavailable(detail + u" (see %1)"_s.arg(errorLog));
    }
    // A restarted nginx reads the config file, which always holds the current upstream list.
    m_replicas->setDesired(replicas);
    m_pollTimer->start(kPollMs);
    poll();
    return Done{};
}

Status ServerPool::waitListening(int timeoutMs)
{
    const QString where = u"%1:%2"_s.arg(m_nginxOptions.host).arg(m_nginxOptions.port);
    const QDeadlineTimer deadline(timeoutMs);
    int crashes = 0;
    const auto connection = connect(m_nginx, &ChildProcess::crashed, this, [&crashes] { ++crashes; });
    Status result = Done{};
    while (!nginxListening()) {
        // Exited (it does so when the port stays busy), or never got there.
        if (crashes > 0 || deadline.hasExpired()) {
            const QString holders = PortCheck::describe(PortCheck::listeners(m_nginxOptions.port));
            result = Error::unavailable(u"nginx cannot listen on %1%2"_s.arg(
                    where, holders.isEmpty() ? QString() : u": the port is held by "_s + holders));
            break;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(50);
    }
    disconnect(connection);
    return result;
}

bool ServerPool::nginxListening() const
{
    return m_nginx && m_nginx->running() && !PortCheck::listeners(m_nginxOptions.port, {m_nginx->pid()}).isEmpty();
}

QStringList ServerPool::instances() const
{
    QStringList out;
    for (ChildProcess *child : m_replicas->children())
        out << child->spec().environment.value(u"WF_INSTANCE_ID"_s);
    return out;
}

void ServerPool::setDesired(int replicas)
{
    m_replicas->setDesired(replicas);
    poll();
}

int ServerPool::actual() const
{
    return m_replicas->actual();
}

bool ServerPool::allReady() const
{
    if (std::any_of(m_reloadingWorkers.begin(), m_reloadingWorkers.end(), processAlive))
        return false;
    const auto &children = m_replicas->children();
    return std::all_of(children.begin(), children.end(), [this](ChildProcess *child) { return m_ready.contains(child); })
            && m_upstream.size() == children.size();
}

void ServerPool::poll()
{
    const QList<ChildProcess *> children = m_replicas->children();
    for (ChildProcess *child : children) {
        // A replica stays in the upstream list while the process that became ready runs: a slow
        // health answer under load must not take every replica out at once (nginx's own retry
        // covers a replica that stops answering). A restarted process has to be ready again.
        if (m_ready.contains(child)) {
            if (!child->running() || m_readyPid.value(child) != child->pid()) {
                m_ready.remove(child);
                m_readyPid.remove(child);
                sync();
            }
            continue;
        }
        if (!child->running())
            continue;
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/health/ready"_s.arg(portOf(child))));
        request.setTransferTimeout(kPollMs * 2);
        QNetworkReply *reply = m_network->get(request);
        const QByteArray instance = child->spec().name.toUtf8();
        connect(reply, &QNetworkReply::finished, this, [this, reply, instance, child = QPointer<ChildProcess>(child)] {
            reply->deleteLater();
            if (!child || !child->running() || m_ready.contains(child) || m_draining.contains(child))
                return;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200
                && reply->rawHeader("X-Instance-Id") == instance) {
                m_ready.insert(child);
                m_readyPid.insert(child, child->pid());
                sync();
            }
        });
    }
}

void ServerPool::sync()
{
    QList<int> wanted;
    for (ChildProcess *child : m_replicas->children()) {
        if (m_ready.contains(child) && !m_draining.contains(child))
            wanted.append(portOf(child));
    }
    if (wanted == m_upstream)
        return;
    if (auto status = Nginx::writeConfig(m_nginxOptions, wanted); !status) {
        qCWarning(lcCore) << "nginx:" << status.error().detail();
        return;
    }
    m_upstream = wanted;
    ++m_reloads;
    if (m_nginx && m_nginx->running()) {
        // Until these workers are gone, some requests still go by the previous list.
        m_reloadingWorkers = Nginx::workers(m_nginx->pid());
        m_nginx->signal(SIGHUP);
    }
    qCInfo(lcCore) << "nginx upstreams now" << wanted;
}

void ServerPool::drain(ChildProcess *child, std::function<void()> stopNow)
{
    m_draining.insert(child);
    m_ready.remove(child);
    m_readyPid.remove(child);
    // The workers nginx has now may still hold requests for this replica: after the reload they
    // finish those and exit; then nothing can reach the replica any more.
    const QList<qint64> oldWorkers = m_nginx && m_nginx->running() ? Nginx::workers(m_nginx->pid()) : QList<qint64>();
    sync();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto check = std::make_shared<std::function<void()>>();
    *check = [this, child, oldWorkers, clock, check, stopNow = std::move(stopNow)] {
        const bool busy = std::any_of(oldWorkers.begin(), oldWorkers.end(), processAlive);
        if (busy && clock->elapsed() < kDrainLimitMs) {
            QTimer::singleShot(100, this, [check] { (*check)(); });
            return;
        }
        qCInfo(lcCore) << child->spec().name << "drained from nginx in" << clock->elapsed() << "ms; stopping it";
        m_draining.remove(child);
        stopNow();
        // Break the cycle: the function holds itself.
        QTimer::singleShot(0, this, [check] { *check = nullptr; });
    };
    QTimer::singleShot(0, this, [check] { (*check)(); });
}

void ServerPool::stopAll(int timeoutMs)
{
    m_pollTimer->stop();
    m_replicas->setStopHook(nullptr);
    m_replicas->stopAll(timeoutMs);
    if (m_nginx) {
        m_nginx->stop();
        m_nginx->waitStopped(15000);
    }
}

QJsonObject ServerPool::status() const
{
    QJsonArray ports;
    for (ChildProcess *child : m_replicas->children())
        ports.append(portOf(child));
    QJsonArray upstream;
    for (int port : m_upstream)
        upstream.append(port);
    return m_replicas->status({{u"ports"_s, ports}, {u"upstream"_s, upstream}, {u"instances"_s, QJsonArray::fromStringList(instances())}});
}

QJsonObject ServerPool::nginxStatus() const
{
    QJsonArray pids;
    if (m_nginx && m_nginx->running()) {
        pids.append(m_nginx->pid());
        const QList<qint64> workers = Nginx::workers(m_nginx->pid());
        for (qint64 worker : workers)
            pids.append(worker);
    }
    return {{u"pids"_s, pids},
            {u"port"_s, m_nginxOptions.port},
            {u"status_port"_s, m_nginxOptions.statusPort},
            {u"host"_s, m_nginxOptions.host},
            {u"reloads"_s, m_reloads},
            {u"config"_s, QString(m_nginxOptions.dir + u"/nginx.conf"_s)},
            {u"restarts"_s, m_nginx ? m_nginx->restarts() : 0}};
}

} // namespace wf::stack
