#include "cache.h"

#include "metrics/metrics.h"

#include <QTimer>

#include "cachelogging.h"
#include "redisconnection.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

constexpr qsizetype MaxUnsentRemovals = 10000;

} // namespace

Cache::Cache(const QString &redisUrl, QObject *parent) : QObject(parent)
{
    if (redisUrl.isEmpty())
        return;
    m_connection = new RedisConnection(redisUrl, this);
    connect(m_connection, &RedisConnection::availableChanged, this, [this](bool available) {
        if (available)
            replayRemovals();
    });
}

Cache::~Cache()
{
    // The connection first: its outstanding callbacks refer to this object and are dropped.
    delete m_connection;
}

bool Cache::available() const
{
    return m_connection && m_connection->available();
}

void Cache::get(const QByteArray &key, Found done)
{
    if (!m_connection) {
        ++m_misses;
        Metrics::instance().cacheLookup("miss");
        QMetaObject::invokeMethod(this, [done = std::move(done)] { done(std::nullopt); }, Qt::QueuedConnection);
        return;
    }
    m_connection->command({"GET"_ba, key}, [this, done = std::move(done)](Result<RedisReply> reply) {
        if (reply && reply->isString()) {
            ++m_hits;
            Metrics::instance().cacheLookup("hit");
            done(reply->bytes());
            return;
        }
        const bool failed = !reply || reply->isError();
        if (failed)
            ++m_errors;
        ++m_misses;
        Metrics::instance().cacheLookup(failed ? "error" : "miss");
        done(std::nullopt);
    });
}

void Cache::set(const QByteArray &key, const QByteArray &value, int ttlSeconds)
{
    if (!m_connection || ttlSeconds <= 0)
        return;
    m_connection->command({"SET"_ba, key, value, "EX"_ba, QByteArray::number(ttlSeconds)},
                          [this](Result<RedisReply> reply) {
                              if (!reply || reply->isError())
                                  ++m_errors;
                          });
}

void Cache::remove(const QList<QByteArray> &keys)
{
    if (!m_connection || keys.isEmpty())
        return;
    QList<QByteArray> command{"DEL"_ba};
    command.append(keys);
    m_connection->command(command, [this, keys](Result<RedisReply> reply) {
        if (reply && !reply->isError())
            return;
        ++m_errors;
        removeLater(keys);
    });
}

void Cache::invalidate(const QList<QByteArray> &keys)
{
    if (!m_connection || keys.isEmpty())
        return;
    remove(keys);
    QTimer::singleShot(1000, this, [this, keys] { remove(keys); });
}

void Cache::removeLater(const QList<QByteArray> &keys)
{
    for (const QByteArray &key : keys) {
        if (m_unsentRemovals.size() >= MaxUnsentRemovals) {
            qCWarning(lcCache) << "too many invalidations failed while Redis was unavailable; the rest expire with their TTL";
            return;
        }
        m_unsentRemovals.insert(key);
    }
}

void Cache::replayRemovals()
{
    if (m_unsentRemovals.isEmpty())
        return;
    const QList<QByteArray> keys = m_unsentRemovals.values();
    m_unsentRemovals.clear();
    qCInfo(lcCache) << "deleting" << keys.size() << "keys whose invalidation failed while Redis was unavailable";
    remove(keys);
}

QByteArray Cache::workflowKey(const QString &id)
{
    return "wf:workflow:"_ba + id.toUtf8();
}

QByteArray Cache::runKey(const QString &id)
{
    return "wf:run:"_ba + id.toUtf8();
}

QByteArray Cache::runListKey(const QByteArray &canonicalQuery)
{
    return "wf:runs:"_ba + QCryptographicHash::hash(canonicalQuery, QCryptographicHash::Sha1).toHex();
}

} // namespace wf
