#pragma once

#include "ratelimit.h"

#include <QByteArray>
#include <QObject>

#include <functional>

namespace wf {

class RedisConnection;

// Rate limits shared by every replica: one token bucket per subject ("key:<id>", "addr:<ip>") in
// Redis, updated by one script run (atomic, on Redis's clock). While Redis is unavailable, slow
// or answers an error, the process's own buckets decide instead: requests are limited per
// replica then, never failed for it. Used on its owner's thread; the answer comes once, later.
class RateLimiter : public QObject
{
    Q_OBJECT

public:
    // `redis` may be null (no Redis configured): local buckets only.
    RateLimiter(RedisConnection *redis, LocalBuckets &local, QObject *parent = nullptr);

    // 0: allowed; otherwise milliseconds until the subject may try again.
    void take(const QByteArray &subject, const RateLimit &limit, std::function<void(qint64 retryAfterMs)> done);

    static QByteArray redisKey(const QByteArray &subject);

private:
    qint64 takeLocally(const QByteArray &subject, const RateLimit &limit);

    RedisConnection *m_redis;
    LocalBuckets &m_local;
};

} // namespace wf
