#include "retrypolicy.h"

#include "validation.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

constexpr int maxAttemptsLimit = 100;
constexpr int backoffLimitMs = 3'600'000;
constexpr double multiplierMin = 1.0;
constexpr double multiplierMax = 10.0;

} // namespace

Result<RetryPolicy> RetryPolicy::fromJson(const QJsonValue &value, const QString &where)
{
    if (!value.isObject())
        return validation::invalid(where, u"must be an object"_s + validation::got(value));
    const QJsonObject object = value.toObject();
    const auto field = [&where](const QString &key) -> QString { return where + u'.' + key; };

    RetryPolicy policy;
    const QJsonValue attempts = object.value(u"max_attempts"_s);
    if (!attempts.isUndefined()) {
        if (Problem problem = validation::checkInteger(attempts, 1, maxAttemptsLimit, field(u"max_attempts"_s)))
            return *problem;
        policy.maxAttempts = int(attempts.toInteger());
    }
    const QJsonValue initial = object.value(u"initial_backoff_ms"_s);
    if (!initial.isUndefined()) {
        if (Problem problem = validation::checkInteger(initial, 0, backoffLimitMs, field(u"initial_backoff_ms"_s)))
            return *problem;
        policy.initialBackoffMs = int(initial.toInteger());
    }
    const QJsonValue multiplier = object.value(u"multiplier"_s);
    if (!multiplier.isUndefined()) {
        const double number = multiplier.toDouble();
        if (!multiplier.isDouble() || !(number >= multiplierMin && number <= multiplierMax))
            return validation::invalid(field(u"multiplier"_s),
                                       u"must be a number between 1 and 10"_s + validation::got(multiplier));
        policy.multiplier = number;
    }
    const QJsonValue max = object.value(u"max_backoff_ms"_s);
    if (!max.isUndefined()) {
        const bool inRange = validation::isInteger(max) && max.toInteger() >= policy.initialBackoffMs
                && max.toInteger() <= backoffLimitMs;
        if (!inRange)
            return validation::invalid(field(u"max_backoff_ms"_s), u"must be an integer between initial_backoff_ms ("_s
                                               + QString::number(policy.initialBackoffMs) + u") and "_s
                                               + QString::number(backoffLimitMs) + validation::got(max));
        policy.maxBackoffMs = int(max.toInteger());
    } else {
        // A client that only raises the initial delay should not be told off about a cap it never set.
        policy.maxBackoffMs = std::max(policy.maxBackoffMs, policy.initialBackoffMs);
    }
    return policy;
}

QJsonObject RetryPolicy::toJson() const
{
    return {
        {u"max_attempts"_s, maxAttempts},
        {u"initial_backoff_ms"_s, initialBackoffMs},
        {u"multiplier"_s, multiplier},
        {u"max_backoff_ms"_s, maxBackoffMs},
    };
}

int RetryPolicy::backoffMs(int failedAttempts, double jitterUnit) const
{
    const int exponent = std::max(failedAttempts, 1) - 1;
    // Computed in double and capped before converting: multiplier^99 overflows every integer type.
    const double uncapped = double(initialBackoffMs) * std::pow(multiplier, double(exponent));
    const double capped = std::min(double(maxBackoffMs), uncapped);
    const double jitter = std::clamp(std::isfinite(jitterUnit) ? jitterUnit : 0.0, 0.0, 1.0);
    const double half = capped / 2.0;
    // Equal jitter: spreads retries of many runs apart while still guaranteeing half the delay.
    const double delay = std::min(half + jitter * half, capped);
    return int(std::floor(delay));
}

} // namespace wf
