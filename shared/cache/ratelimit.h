#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>

namespace wf {

// A token bucket's parameters: `perSecond` tokens added each second, at most `burst` kept.
// perSecond <= 0: unlimited.
struct RateLimit
{
    double perSecond = 0;
    double burst = 0;

    bool limited() const { return perSecond > 0; }
    // "100" (burst 2 × rate) or "100:500"; nullopt-like {0, 0} with ok = false when malformed.
    static RateLimit parse(const QString &text, bool *ok);
};

// One bucket, pure arithmetic: take() spends a token if there is one and says how long until
// there would be. Shared by the Redis script's logic (ratelimiter.cpp) and the local fallback.
struct TokenBucket
{
    double tokens = -1; // < 0: new, full
    qint64 lastMs = 0;

    // 0 when a token was taken, else milliseconds until one is there (nothing taken).
    qint64 take(const RateLimit &limit, qint64 nowMs);
};

// The buckets of one process, for when Redis cannot be asked: each replica then limits on its
// own (a client may get up to replicas × the rate; better than no limit, or failing requests).
// Thread-safe; idle buckets are dropped when there are many.
class LocalBuckets
{
public:
    qint64 take(const QByteArray &subject, const RateLimit &limit, qint64 nowMs);

private:
    static constexpr int MaxBuckets = 100000;
    QMutex m_mutex;
    QHash<QByteArray, TokenBucket> m_buckets;
};

} // namespace wf
