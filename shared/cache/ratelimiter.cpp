#include "ratelimiter.h"

#include "redisconnection.h"

#include <QDateTime>
#include <QPointer>

namespace wf {

namespace {

// KEYS[1] the bucket; ARGV rate per second, burst. Redis's own clock, so that replicas agree.
// Returns 0 when a token was taken, else the milliseconds until one is there.
constexpr const char *kScript = R"lua(
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
if now > ts then tokens = math.min(burst, tokens + (now - ts) * rate / 1000) else now = ts end
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) * 1000 / rate) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return wait
)lua";

} // namespace

RateLimiter::RateLimiter(RedisConnection *redis, LocalBuckets &local, QObject *parent)
    : QObject(parent), m_redis(redis), m_local(local)
{
}

QByteArray RateLimiter::redisKey(const QByteArray &subject)
{
    return "wf:rate:" + subject;
}

qint64 RateLimiter::takeLocally(const QByteArray &subject, const RateLimit &limit)
{
    return m_local.take(subject, limit, QDateTime::currentMSecsSinceEpoch());
}

void RateLimiter::take(const QByteArray &subject, const RateLimit &limit, std::function<void(qint64)> done)
{
    if (!limit.limited()) {
        QMetaObject::invokeMethod(this, [done] { done(0); }, Qt::QueuedConnection);
        return;
    }
    if (!m_redis || !m_redis->available()) {
        const qint64 wait = takeLocally(subject, limit);
        QMetaObject::invokeMethod(this, [done, wait] { done(wait); }, Qt::QueuedConnection);
        return;
    }
    m_redis->command({"EVAL", kScript, "1", redisKey(subject), QByteArray::number(limit.perSecond, 'g', 12),
                      QByteArray::number(limit.burst, 'g', 12)},
                     [self = QPointer<RateLimiter>(this), subject, limit, done](Result<RedisReply> reply) {
                         if (!self)
                             return;
                         if (reply && reply->type() == RedisReply::Type::Integer)
                             return done(reply->integer());
                         // Redis gone, slow or refusing the script: this replica decides alone.
                         done(self->takeLocally(subject, limit));
                     });
}

} // namespace wf
