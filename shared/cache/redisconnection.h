#pragma once

#include "redisreply.h"
#include "redisurl.h"

#include "core/result.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

struct redisAsyncContext;
class QSocketNotifier;
class QTimer;

namespace wf {

// Frees a hiredis async context exactly once (pending callbacks then run with a null reply).
struct RedisAsyncContextDeleter
{
    void operator()(redisAsyncContext *context) const;
};
using RedisAsyncContextPtr = std::unique_ptr<redisAsyncContext, RedisAsyncContextDeleter>;

// One hiredis asynchronous connection driven by the Qt event loop of the thread that owns it
// (QSocketNotifiers switched on and off by hiredis's addRead/delRead/addWrite/delWrite hooks;
// host names resolved with QHostInfo, not hiredis's blocking getaddrinfo()).
//
// Redis is optional for its users, so this class never makes them wait: while it is not
// connected, commands fail at once instead of queueing; a command not answered within
// commandTimeout() fails with "redis timeout" (hiredis 0.14 has no timeouts of its own), and its
// reply, should it still come, is dropped. After maxConsecutiveTimeouts() timeouts without any
// reply in between (a hung Redis, e.g. stopped with SIGSTOP), or when the socket takes nothing
// for as long, the connection is dropped; a timeout counts only when Redis had the command for
// most of the timeout, so a thread too busy to send its commands is not taken for a hung Redis.
// It reconnects by itself with exponential backoff (100 ms .. 5 s); a connection serves commands
// only once AUTH, SELECT and a PING have been answered within connectTimeout().
//
// Every callback is called exactly once, on the owner's thread, and never from inside command()
// or from inside hiredis (so a callback may issue commands or delete this object). Callbacks
// still outstanding when the object is destroyed are dropped without being called. Only
// available() and the counters may be read from other threads.
class RedisConnection : public QObject
{
    Q_OBJECT

public:
    using ReplyCallback = std::function<void(Result<RedisReply>)>;

    // An invalid URL is logged; the connection then never becomes available.
    explicit RedisConnection(const QString &url, QObject *parent = nullptr);
    ~RedisConnection() override;

    // Sends one command (binary-safe arguments, e.g. {"SET", key, value, "EX", "60"}).
    void command(const QList<QByteArray> &args, ReplyCallback done);

    // Connected and past the handshake (readable from any thread).
    bool available() const { return m_available.load(); }
    const RedisUrl &url() const { return m_url; }
    QString lastError() const { return m_lastError; }
    int pendingCommands() const { return int(m_pending.size()); }

    int commandTimeout() const { return m_commandTimeoutMs; }
    void setCommandTimeout(int ms) { m_commandTimeoutMs = qMax(1, ms); }
    int connectTimeout() const { return m_connectTimeoutMs; }
    void setConnectTimeout(int ms) { m_connectTimeoutMs = qMax(1, ms); }
    int maxConsecutiveTimeouts() const { return m_maxConsecutiveTimeouts; }
    void setMaxConsecutiveTimeouts(int count) { m_maxConsecutiveTimeouts = qMax(1, count); }

    // Commands failed by the watchdog, and connections that got through the handshake.
    quint64 timeouts() const { return m_timeouts.load(); }
    quint64 connects() const { return m_connects.load(); }

Q_SIGNALS:
    void availableChanged(bool available);

private:
    enum class State { Disconnected, Connecting, Ready };
    struct Pending
    {
        ReplyCallback done;
        std::multimap<qint64, quint64>::iterator deadline;
    };
    struct Flush
    {
        quint64 lastId; // every command up to this id had left our buffer…
        qint64 at;      // …at this m_clock time
    };
    struct Completion
    {
        ReplyCallback done;
        Result<RedisReply> result;
    };

    // hiredis callbacks and event hooks: `data` / `ev.data` is the RedisConnection.
    static void onReply(redisAsyncContext *context, void *reply, void *privdata);
    static void onConnect(const redisAsyncContext *context, int status);
    static void onDisconnect(const redisAsyncContext *context, int status);
    static void addRead(void *data);
    static void delRead(void *data);
    static void addWrite(void *data);
    static void delWrite(void *data);
    static void cleanup(void *data);

    void connectNow();
    void connectTo(const QString &address);
    void send(const QList<QByteArray> &args, int timeoutMs, ReplyCallback done);
    void handshakeStep(quint64 attempt, bool last, const Result<RedisReply> &reply);
    void handleReply(const redisAsyncContext *context, quint64 id, const redisReply *reply);
    void contextLost(const redisAsyncContext *context, const QString &reason);
    void dropContext(const QString &reason);
    void setDisconnected(const QString &reason);
    void releaseNotifiers();
    void onReadable();
    void onWritable();
    void afterWrite();
    void drainReadable();
    bool sentBefore(quint64 id, qint64 time) const;
    void onWatchdog();
    void armWatchdog();
    void complete(ReplyCallback done, Result<RedisReply> result);
    void scheduleDelivery();
    // Runs after every entry into hiredis: calls the completed callbacks, reports availability.
    void settle();

    RedisUrl m_url;
    bool m_urlValid = false;
    RedisAsyncContextPtr m_context;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer *m_watchdog = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    QElapsedTimer m_clock;

    State m_state = State::Disconnected;
    std::atomic<bool> m_available{false};
    bool m_reportedAvailable = false;
    bool m_shuttingDown = false;
    bool m_deliveryQueued = false;
    quint64 m_attempt = 0;
    quint64 m_nextId = 1;
    std::unordered_map<quint64, Pending> m_pending;
    std::multimap<qint64, quint64> m_deadlines; // m_clock time → command id
    std::vector<Completion> m_completed;
    // When commands reached the socket, so that a timeout counts against Redis only when Redis
    // had the command for the whole timeout (not when this thread was too busy to send it).
    std::deque<Flush> m_flushes;
    quint64 m_lastFlushedId = 0;
    qint64 m_writeStalledSince = -1; // the socket took only part of our buffer

    int m_commandTimeoutMs = 100;
    int m_connectTimeoutMs = 1000;
    int m_maxConsecutiveTimeouts = 3;
    int m_consecutiveTimeouts = 0;
    int m_backoffMs = 0;
    QString m_lastError;
    QString m_closingReason; // why we dropped the context, for the null replies that follow
    std::atomic<quint64> m_timeouts{0};
    std::atomic<quint64> m_connects{0};
};

} // namespace wf
