#pragma once

#include "engine/executablestep.h"

namespace wf {

// Waits `duration` seconds (fractional allowed, or one template resolved when the run gets there).
// Output: {"type":"delay","duration":<n>,"message":"Delayed for <n> seconds"}, as the seed's.
// A delay resumed by another worker waits only until the deadline stored when it first started.
class DelayStep : public ExecutableStep
{
public:
    QString name() const override;
    Problem validateConfig(const StepDefinition &step, const StepValidationContext &context) const override;
    StepAttempt *start(const StepDefinition &step, const QJsonObject &renderedConfig,
                       const StepEnvironment &environment, QObject *parent) const override;
    bool isLongRunning() const override;
    std::optional<qint64> plannedWaitMs(const QJsonObject &renderedConfig) const override;
};

} // namespace wf
