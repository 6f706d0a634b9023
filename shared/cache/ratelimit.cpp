#include "ratelimit.h"

#include <QString>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wf {

RateLimit RateLimit::parse(const QString &text, bool *ok)
{
    *ok = true;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed == u"0"_s)
        return {};
    const QStringList parts = trimmed.split(u':');
    bool rateOk = false;
    bool burstOk = true;
    const double rate = parts.value(0).toDouble(&rateOk);
    const double burst = parts.size() > 1 ? parts.value(1).toDouble(&burstOk) : rate * 2;
    if (parts.size() > 2 || !rateOk || !burstOk || rate < 0 || !std::isfinite(rate) || burst < 1 || !std::isfinite(burst)) {
        *ok = false;
        return {};
    }
    return {rate, burst};
}

qint64 TokenBucket::take(const RateLimit &limit, qint64 nowMs)
{
    if (!limit.limited())
        return 0;
    if (tokens < 0) {
        tokens = limit.burst;
        lastMs = nowMs;
    }
    tokens = std::min(limit.burst, tokens + double(std::max<qint64>(0, nowMs - lastMs)) * limit.perSecond / 1000.0);
    lastMs = std::max(lastMs, nowMs);
    if (tokens >= 1) {
        tokens -= 1;
        return 0;
    }
    return qint64(std::ceil((1 - tokens) * 1000.0 / limit.perSecond));
}

qint64 LocalBuckets::take(const QByteArray &subject, const RateLimit &limit, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    if (m_buckets.size() >= MaxBuckets && !m_buckets.contains(subject)) {
        // Drop the buckets that are full again (idle long enough): they would start full anyway.
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            TokenBucket probe = *it;
            probe.take(limit, nowMs);
            it = probe.tokens + 1 >= limit.burst ? m_buckets.erase(it) : std::next(it);
        }
        if (m_buckets.size() >= MaxBuckets)
            m_buckets.clear();
    }
    return m_buckets[subject].take(limit, nowMs);
}

} // namespace wf
