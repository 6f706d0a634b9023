#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace wf {

class RedisConnection;

// The read-through cache in front of PostgreSQL (architecture.md, "Cache"): one per event-loop
// thread, owning its own Redis connection. Redis is optional: a get() that cannot be answered
// (disabled, disconnected, Redis error, timeout) is a miss, never an error, and set()/remove()
// are fire and forget. Callbacks run on this object's thread, always later (never from inside
// get()), exactly once; those outstanding when the Cache is destroyed are dropped.
class Cache : public QObject
{
    Q_OBJECT

public:
    static constexpr int WorkflowTtlSeconds = 60;
    static constexpr int RunTtlSeconds = 5;
    static constexpr int RunListTtlSeconds = 2;

    using Found = std::function<void(std::optional<QByteArray>)>;

    // An empty URL disables the cache: every get() is a miss, set() and remove() do nothing.
    explicit Cache(const QString &redisUrl, QObject *parent = nullptr);
    ~Cache() override;

    void get(const QByteArray &key, Found done);
    // SET key value EX ttlSeconds; a ttl <= 0 stores nothing (every entry here must expire).
    void set(const QByteArray &key, const QByteArray &value, int ttlSeconds);
    // DEL. Keys whose DEL failed are deleted again once Redis is back (up to 10,000 of them), so
    // an invalidation lost in an outage does not leave a stale entry until its TTL.
    void remove(const QList<QByteArray> &keys);
    // What writers call after changing the data behind `keys`: DEL now and once more a second
    // later. A reader that missed, read the old row before the write committed and stores it
    // after the first DEL would otherwise leave a stale entry for a whole TTL.
    void invalidate(const QList<QByteArray> &keys);

    bool enabled() const { return m_connection != nullptr; }
    bool available() const;
    // Null when disabled; for tuning its timeouts.
    RedisConnection *connection() const { return m_connection; }

    // Readable from any thread. A failed get() counts as a miss and as an error.
    quint64 hits() const { return m_hits.load(); }
    quint64 misses() const { return m_misses.load(); }
    quint64 errors() const { return m_errors.load(); }

    static QByteArray workflowKey(const QString &id);
    static QByteArray runKey(const QString &id);
    static QByteArray runListKey(const QByteArray &canonicalQuery);

private:
    void removeLater(const QList<QByteArray> &keys);
    void replayRemovals();

    RedisConnection *m_connection = nullptr;
    QSet<QByteArray> m_unsentRemovals;
    std::atomic<quint64> m_hits{0};
    std::atomic<quint64> m_misses{0};
    std::atomic<quint64> m_errors{0};
};

} // namespace wf
