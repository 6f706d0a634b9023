#include "redisconnection.h"

#include "cachelogging.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QPointer>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>
#include <QVarLengthArray>

#include <hiredis/async.h>

#include <algorithm>
#include <climits>
#include <csignal>
#include <pthread.h>
#include <sys/ioctl.h>

Q_LOGGING_CATEGORY(lcCache, "wf.cache")

using namespace Qt::StringLiterals;

namespace wf {

namespace {

constexpr int InitialBackoffMs = 100;
constexpr int MaxBackoffMs = 5000;

RedisConnection *owner(const redisAsyncContext *context)
{
    return static_cast<RedisConnection *>(context->data);
}

// hiredis writes with write(2): writing to a Redis that went away raises SIGPIPE, which kills
// a process that does not ignore it (tests, tools). Blocked in this thread around the write, and
// one that became pending meanwhile is discarded (the write fails with EPIPE instead).
class SigPipeGuard
{
public:
    SigPipeGuard()
    {
        sigemptyset(&m_set);
        sigaddset(&m_set, SIGPIPE);
        sigset_t pending;
        sigpending(&pending);
        m_wasPending = sigismember(&pending, SIGPIPE) == 1;
        pthread_sigmask(SIG_BLOCK, &m_set, &m_previous);
    }
    ~SigPipeGuard()
    {
        if (!m_wasPending) {
            sigset_t pending;
            sigpending(&pending);
            if (sigismember(&pending, SIGPIPE) == 1) {
                const timespec now{0, 0};
                sigtimedwait(&m_set, nullptr, &now);
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
    }
    SigPipeGuard(const SigPipeGuard &) = delete;
    SigPipeGuard &operator=(const SigPipeGuard &) = delete;

private:
    sigset_t m_set;
    sigset_t m_previous;
    bool m_wasPending = false;
};

} // namespace

void RedisAsyncContextDeleter::operator()(redisAsyncContext *context) const
{
    redisAsyncFree(context);
}

RedisConnection::RedisConnection(const QString &url, QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_backoffMs = InitialBackoffMs;
    m_watchdog = new QTimer(this);
    m_watchdog->setSingleShot(true);
    m_watchdog->setTimerType(Qt::PreciseTimer);
    connect(m_watchdog, &QTimer::timeout, this, &RedisConnection::onWatchdog);
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &RedisConnection::connectNow);

    auto parsed = RedisUrl::parse(url);
    if (!parsed) {
        m_lastError = parsed.error().detail();
        qCWarning(lcCache).noquote() << "not connecting to Redis:" << m_lastError;
        return;
    }
    m_url = *parsed;
    m_urlValid = true;
    // Connect from the event loop, in the thread that owns the object by then.
    m_reconnectTimer->start(0);
}

RedisConnection::~RedisConnection()
{
    m_shuttingDown = true;
    // hiredis answers what is still pending with null replies: those completions are dropped
    // with m_completed, never called.
    dropContext(u"redis connection closed (shutting down)"_s);
}

void RedisConnection::command(const QList<QByteArray> &args, ReplyCallback done)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_state != State::Ready) {
        // No queueing while disconnected: the caller falls back at once.
        complete(std::move(done), Error::unavailable(m_urlValid ? u"redis unavailable"_s : m_lastError));
        scheduleDelivery();
        return;
    }
    send(args, m_commandTimeoutMs, std::move(done));
}

void RedisConnection::send(const QList<QByteArray> &args, int timeoutMs, ReplyCallback done)
{
    if (args.isEmpty()) {
        complete(std::move(done), Error::invalid(u"empty redis command"_s));
        scheduleDelivery();
        return;
    }
    QVarLengthArray<const char *, 8> argv;
    QVarLengthArray<size_t, 8> lengths;
    for (const QByteArray &arg : args) {
        argv.append(arg.constData());
        lengths.append(size_t(arg.size()));
    }
    // The privdata hiredis keeps is the command's id, not a pointer: a reply that comes after
    // its command timed out (or hiredis's null reply on disconnect) finds no entry and is
    // dropped, so nothing can be freed twice or called twice.
    const quint64 id = m_nextId++;
    const auto deadline = m_deadlines.emplace(m_clock.elapsed() + timeoutMs, id);
    m_pending.emplace(id, Pending{std::move(done), deadline});
    if (redisAsyncCommandArgv(m_context.get(), &RedisConnection::onReply, reinterpret_cast<void *>(quintptr(id)),
                              int(argv.size()), argv.data(), lengths.data())
        != REDIS_OK) {
        auto it = m_pending.find(id);
        ReplyCallback failed = std::move(it->second.done);
        m_deadlines.erase(deadline);
        m_pending.erase(it);
        complete(std::move(failed), Error::unavailable(u"redis: cannot send the command"_s));
        scheduleDelivery();
        return;
    }
    if (deadline == m_deadlines.begin())
        armWatchdog();
}

void RedisConnection::connectNow()
{
    if (m_shuttingDown || m_state != State::Disconnected || m_context || !m_urlValid)
        return;
    ++m_attempt;
    m_state = State::Connecting;
    if (!QHostAddress(m_url.host).isNull()) {
        connectTo(m_url.host);
        return;
    }
    // hiredis would resolve the name with a blocking getaddrinfo() in this event loop, on
    // every reconnect attempt: resolve it in Qt's lookup thread instead.
    const quint64 attempt = m_attempt;
    QHostInfo::lookupHost(m_url.host, this, [this, attempt](const QHostInfo &info) {
        if (attempt != m_attempt || m_state != State::Connecting || m_context)
            return;
        const QList<QHostAddress> addresses = info.addresses();
        if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
            setDisconnected(u"cannot resolve %1: %2"_s.arg(m_url.host, info.errorString()));
            settle();
            return;
        }
        // IPv4 first: "localhost" also resolves to ::1, where a Redis bound to 127.0.0.1 is not.
        const auto ipv4 = std::find_if(addresses.begin(), addresses.end(), [](const QHostAddress &address) {
            return address.protocol() == QAbstractSocket::IPv4Protocol;
        });
        connectTo((ipv4 != addresses.end() ? *ipv4 : addresses.first()).toString());
    });
}

void RedisConnection::connectTo(const QString &address)
{
    m_consecutiveTimeouts = 0;
    m_closingReason.clear();
    m_flushes.clear();
    m_lastFlushedId = m_nextId - 1;
    m_writeStalledSince = -1;
    const QByteArray host = address.toUtf8();
    redisAsyncContext *context = redisAsyncConnect(host.constData(), m_url.port);
    if (!context || context->err) {
        const QString reason = context ? QString::fromUtf8(context->errstr) : u"cannot allocate a context"_s;
        if (context)
            redisAsyncFree(context);
        setDisconnected(u"cannot connect: "_s + reason);
        settle();
        return;
    }
    m_context.reset(context);
    context->data = this;

    m_readNotifier = new QSocketNotifier(context->c.fd, QSocketNotifier::Read, this);
    m_readNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, [this, notifier = m_readNotifier] {
        if (notifier == m_readNotifier)
            onReadable();
    });
    m_writeNotifier = new QSocketNotifier(context->c.fd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, [this, notifier = m_writeNotifier] {
        if (notifier == m_writeNotifier)
            onWritable();
    });
    context->ev.data = this;
    context->ev.addRead = &RedisConnection::addRead;
    context->ev.delRead = &RedisConnection::delRead;
    context->ev.addWrite = &RedisConnection::addWrite;
    context->ev.delWrite = &RedisConnection::delWrite;
    context->ev.cleanup = &RedisConnection::cleanup;
    redisAsyncSetConnectCallback(context, &RedisConnection::onConnect);
    redisAsyncSetDisconnectCallback(context, &RedisConnection::onDisconnect);

    // The handshake, written as soon as the socket connects. Only its last answer makes the
    // connection available: a Redis that accepts TCP connections but hangs (SIGSTOP) or refuses
    // the password never serves commands, and the connect timeout ends the attempt.
    QList<QList<QByteArray>> steps;
    if (!m_url.password.isEmpty()) {
        if (m_url.user.isEmpty())
            steps.append({"AUTH"_ba, m_url.password.toUtf8()});
        else
            steps.append({"AUTH"_ba, m_url.user.toUtf8(), m_url.password.toUtf8()});
    }
    if (m_url.database != 0)
        steps.append({"SELECT"_ba, QByteArray::number(m_url.database)});
    steps.append({"PING"_ba});
    const quint64 attempt = m_attempt;
    for (qsizetype i = 0; i < steps.size() && m_context; ++i) {
        const bool last = i == steps.size() - 1;
        send(steps.at(i), m_connectTimeoutMs,
             [this, attempt, last](Result<RedisReply> reply) { handshakeStep(attempt, last, reply); });
    }
    settle();
}

void RedisConnection::handshakeStep(quint64 attempt, bool last, const Result<RedisReply> &reply)
{
    if (attempt != m_attempt || m_state != State::Connecting)
        return;
    if (!reply || reply->isError()) {
        dropContext(u"handshake failed: "_s + (reply ? QString::fromUtf8(reply->bytes()) : reply.error().detail()));
        return;
    }
    if (!last)
        return;
    m_state = State::Ready;
    m_available = true;
    m_backoffMs = InitialBackoffMs;
    m_consecutiveTimeouts = 0;
    ++m_connects;
    if (m_lastError.isEmpty())
        qCInfo(lcCache).noquote() << "connected to" << m_url.display();
    else
        qCInfo(lcCache).noquote() << "connected to" << m_url.display() << "again";
    m_lastError.clear();
}

void RedisConnection::onReply(redisAsyncContext *context, void *reply, void *privdata)
{
    owner(context)->handleReply(context, quint64(reinterpret_cast<quintptr>(privdata)),
                                static_cast<const redisReply *>(reply));
}

void RedisConnection::handleReply(const redisAsyncContext *context, quint64 id, const redisReply *reply)
{
    // Any answer proves Redis alive, even one to a command that already timed out. Redis answers
    // in order: every command up to this one is done.
    if (reply) {
        m_consecutiveTimeouts = 0;
        while (!m_flushes.empty() && m_flushes.front().lastId <= id)
            m_flushes.pop_front();
    }
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return; // its watchdog already failed it
    ReplyCallback done = std::move(it->second.done);
    m_deadlines.erase(it->second.deadline);
    m_pending.erase(it);
    if (reply) {
        complete(std::move(done), RedisReply::fromHiredis(reply));
        return;
    }
    // A null reply: hiredis is freeing the context (connection error, EOF or our drop).
    QString reason;
    if (context->err)
        reason = u"redis: "_s + QString::fromUtf8(context->errstr);
    else
        reason = m_closingReason.isEmpty() ? u"redis connection closed"_s : m_closingReason;
    complete(std::move(done), Error::unavailable(reason));
}

void RedisConnection::onConnect(const redisAsyncContext *context, int status)
{
    // Success only means the socket connected; the handshake decides. On failure hiredis frees
    // the context next, and cleanup() records it.
    if (status != REDIS_OK)
        qCDebug(lcCache).noquote() << "connect failed:" << QString::fromUtf8(context->errstr);
}

void RedisConnection::onDisconnect(const redisAsyncContext *context, int status)
{
    qCDebug(lcCache).noquote() << "disconnected" << (status == REDIS_OK ? QString() : QString::fromUtf8(context->errstr));
}

void RedisConnection::addRead(void *data)
{
    if (auto *notifier = static_cast<RedisConnection *>(data)->m_readNotifier)
        notifier->setEnabled(true);
}

void RedisConnection::delRead(void *data)
{
    if (auto *notifier = static_cast<RedisConnection *>(data)->m_readNotifier)
        notifier->setEnabled(false);
}

void RedisConnection::addWrite(void *data)
{
    if (auto *notifier = static_cast<RedisConnection *>(data)->m_writeNotifier)
        notifier->setEnabled(true);
}

void RedisConnection::delWrite(void *data)
{
    if (auto *notifier = static_cast<RedisConnection *>(data)->m_writeNotifier)
        notifier->setEnabled(false);
}

void RedisConnection::cleanup(void *data)
{
    // hiredis calls this whenever it frees the context, whoever started it: after the pending
    // callbacks got their null replies, before it closes the socket.
    auto *self = static_cast<RedisConnection *>(data);
    self->releaseNotifiers();
    if (redisAsyncContext *context = self->m_context.release()) {
        // hiredis frees it on its own (connection error or EOF): it is no longer ours.
        self->setDisconnected(context->err ? QString::fromUtf8(context->errstr) : u"connection closed by redis"_s);
    }
}

void RedisConnection::releaseNotifiers()
{
    // Disabled at once (the socket is closed right after this), deleted later: this may run
    // inside the notifier's own activated signal.
    for (QSocketNotifier *notifier : {m_readNotifier, m_writeNotifier}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
}

void RedisConnection::dropContext(const QString &reason)
{
    if (!m_context)
        return;
    m_closingReason = reason;
    // Released first, so cleanup() knows the drop is ours. Never called from inside a hiredis
    // callback (see settle()), where freeing would be deferred by hiredis.
    redisAsyncContext *context = m_context.release();
    redisAsyncFree(context);
    setDisconnected(reason);
}

void RedisConnection::setDisconnected(const QString &reason)
{
    const bool wasReady = m_state == State::Ready;
    m_state = State::Disconnected;
    m_available = false;
    if (m_shuttingDown)
        return;
    // One warning per outage, not one per reconnect attempt.
    if (wasReady || m_lastError.isEmpty())
        qCWarning(lcCache).noquote() << "redis" << m_url.display() << "unavailable:" << reason;
    else
        qCDebug(lcCache).noquote() << "redis" << m_url.display() << "still unavailable:" << reason;
    m_lastError = reason;
    if (!m_reconnectTimer->isActive()) {
        m_reconnectTimer->start(m_backoffMs);
        m_backoffMs = qMin(m_backoffMs * 2, MaxBackoffMs);
    }
}

void RedisConnection::onReadable()
{
    if (m_context)
        redisAsyncHandleRead(m_context.get());
    settle();
}

void RedisConnection::onWritable()
{
    if (m_context) {
        const SigPipeGuard guard;
        redisAsyncHandleWrite(m_context.get());
    }
    afterWrite();
    settle();
}

void RedisConnection::afterWrite()
{
    if (!m_context)
        return; // the write failed and hiredis freed the context
    if (sdslen(m_context->c.obuf) > 0) {
        if (m_writeStalledSince < 0)
            m_writeStalledSince = m_clock.elapsed();
        return;
    }
    m_writeStalledSince = -1;
    if (m_nextId - 1 > m_lastFlushedId) {
        m_lastFlushedId = m_nextId - 1;
        m_flushes.push_back({m_lastFlushedId, m_clock.elapsed()});
    }
}

void RedisConnection::drainReadable()
{
    // A read event takes at most 16 KB of replies; read all that already arrived.
    for (int round = 0; round < 256 && m_context && (m_context->c.flags & REDIS_CONNECTED); ++round) {
        int available = 0;
        if (::ioctl(m_context->c.fd, FIONREAD, &available) != 0 || available <= 0)
            return;
        redisAsyncHandleRead(m_context.get());
    }
}

bool RedisConnection::sentBefore(quint64 id, qint64 time) const
{
    for (const Flush &flush : m_flushes) {
        if (flush.lastId >= id)
            return flush.at <= time;
    }
    return false; // still in our buffer
}

void RedisConnection::onWatchdog()
{
    // The event loop may have been busy while replies waited in the socket: read them first,
    // so that only commands Redis really has not answered time out.
    drainReadable();
    const qint64 now = m_clock.elapsed();
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
        const quint64 id = m_deadlines.begin()->second;
        m_deadlines.erase(m_deadlines.begin());
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            continue;
        ReplyCallback done = std::move(it->second.done);
        m_pending.erase(it);
        ++m_timeouts;
        // A command still in our buffer, or sent late because this thread was busy, says
        // nothing about Redis: only one Redis had for most of the timeout counts against it.
        if (sentBefore(id, now - m_commandTimeoutMs / 2))
            ++m_consecutiveTimeouts;
        complete(std::move(done), Error::unavailable(u"redis timeout"_s));
    }
    if (m_context && m_consecutiveTimeouts >= m_maxConsecutiveTimeouts)
        dropContext(u"no answer to %1 commands in a row"_s.arg(m_consecutiveTimeouts));
    else if (m_context && m_writeStalledSince >= 0
             && now - m_writeStalledSince >= qint64(m_maxConsecutiveTimeouts) * m_commandTimeoutMs)
        dropContext(u"redis stopped reading"_s);
    armWatchdog();
    settle();
}

void RedisConnection::armWatchdog()
{
    if (m_deadlines.empty()) {
        m_watchdog->stop();
        return;
    }
    const qint64 wait = m_deadlines.begin()->first - m_clock.elapsed();
    m_watchdog->start(int(std::clamp<qint64>(wait, 0, INT_MAX)));
}

void RedisConnection::complete(ReplyCallback done, Result<RedisReply> result)
{
    m_completed.push_back({std::move(done), std::move(result)});
}

void RedisConnection::scheduleDelivery()
{
    if (m_deliveryQueued)
        return;
    m_deliveryQueued = true;
    QMetaObject::invokeMethod(
            this,
            [this] {
                m_deliveryQueued = false;
                settle();
            },
            Qt::QueuedConnection);
}

void RedisConnection::settle()
{
    // Callbacks run here, outside hiredis, so that they may send commands, drop the connection
    // or delete this object.
    QPointer<RedisConnection> alive(this);
    std::vector<Completion> batch;
    batch.swap(m_completed);
    for (Completion &completion : batch) {
        completion.done(std::move(completion.result));
        if (!alive)
            return;
    }
    if (m_reportedAvailable != m_available.load()) {
        m_reportedAvailable = !m_reportedAvailable;
        Q_EMIT availableChanged(m_reportedAvailable);
        if (!alive)
            return;
    }
    // What these callbacks completed at once waits for the next turn of the event loop, so that
    // a callback retrying a failing command cannot spin here.
    if (!m_completed.empty())
        scheduleDelivery();
}

} // namespace wf
