#include "delaystep.h"

#include "delayattempt.h"
#include "core/json.h"
#include "engine/stepenvironment.h"
#include "engine/immediateattempt.h"
#include "workflow/stepdefinition.h"
#include "workflow/templatestring.h"
#include "workflow/validation.h"

#include <QDateTime>
#include <QJsonObject>

#include <algorithm>

#include <cmath>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

// A week: longer waits belong in a scheduler, not in a run that holds a lease.
constexpr double maxDurationSeconds = 604800;

} // namespace

QString DelayStep::name() const
{
    return u"delay"_s;
}

Problem DelayStep::validateConfig(const StepDefinition &step, const StepValidationContext &context) const
{
    const QString subject = validation::at(context.where, u"config.duration"_s);
    const QJsonValue duration = step.config.value(u"duration"_s);
    if (duration.isUndefined())
        return validation::invalid(subject, u"is required"_s);
    if (duration.isDouble()) {
        const double seconds = duration.toDouble();
        if (!(seconds >= 0 && seconds <= maxDurationSeconds))
            return validation::invalid(subject, u"must be between 0 and 604800 seconds"_s + validation::got(duration));
        return std::nullopt;
    }
    if (duration.isString()) {
        // Only a whole template can yield a number at run time; other text never could.
        const Result<TemplateString> parsed = TemplateString::parse(duration.toString());
        if (!parsed || parsed->isSingleReference())
            return std::nullopt; // syntax errors are reported by the template check, with more detail
    }
    return validation::invalid(subject, u"must be a number of seconds or a single template such as "
                                        u"\"${payload.delay}\""_s + validation::got(duration));
}

bool DelayStep::isLongRunning() const
{
    return true;
}

std::optional<qint64> DelayStep::plannedWaitMs(const QJsonObject &renderedConfig) const
{
    const QJsonValue duration = renderedConfig.value(u"duration"_s);
    const double seconds = duration.toDouble();
    if (!duration.isDouble() || !(seconds >= 0 && seconds <= maxDurationSeconds))
        return std::nullopt;
    return qint64(std::ceil(seconds * 1000.0));
}

StepAttempt *DelayStep::start(const StepDefinition &step, const QJsonObject &renderedConfig,
                              const StepEnvironment &environment, QObject *parent) const
{
    Q_UNUSED(step)
    // A template may have produced anything; only now can the number be judged.
    const QJsonValue duration = renderedConfig.value(u"duration"_s);
    const std::optional<qint64> waitMs = plannedWaitMs(renderedConfig);
    if (!waitMs)
        return new ImmediateAttempt(validation::invalid(u"config.duration"_s,
                                                        u"must be a number of seconds between 0 and 604800"_s
                                                                + validation::got(duration)),
                                    parent);
    const QString message = u"Delayed for "_s + QString::fromUtf8(json::serialize(duration)) + u" seconds"_s;
    const QJsonObject output{{u"type"_s, u"delay"_s}, {u"duration"_s, duration}, {u"message"_s, message}};
    qint64 remainingMs = *waitMs;
    if (environment.deadlineMicros) {
        const qint64 nowMicros = QDateTime::currentMSecsSinceEpoch() * 1000;
        remainingMs = std::clamp<qint64>((*environment.deadlineMicros - nowMicros + 999) / 1000, 0, *waitMs);
    }
    return new DelayAttempt(remainingMs, output, parent);
}

} // namespace wf
