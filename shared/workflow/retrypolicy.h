#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace wf {

// How often a failing step is attempted again, and how long to wait in between.
struct RetryPolicy
{
    int maxAttempts = 1;          // 1..100
    int initialBackoffMs = 200;   // 0..3'600'000
    double multiplier = 2.0;      // 1.0..10.0
    int maxBackoffMs = 5000;      // >= initialBackoffMs, <= 3'600'000

    // {"max_attempts":3,"initial_backoff_ms":200,"multiplier":2.0,"max_backoff_ms":5000}, every key
    // optional. `where` prefixes error details, e.g. "steps[1] 'notify': retry".
    static Result<RetryPolicy> fromJson(const QJsonValue &value, const QString &where);
    QJsonObject toJson() const;

    // Delay before the next attempt after `failedAttempts` (>= 1) failures:
    // min(maxBackoffMs, initialBackoffMs * multiplier^(failedAttempts - 1)), of which half is fixed
    // and half scaled by jitterUnit in [0, 1) ("equal jitter").
    int backoffMs(int failedAttempts, double jitterUnit) const;
};

} // namespace wf
