#pragma once

#include "engine/executablestep.h"

namespace wf {

// Waits `duration` seconds (fractional allowed, or one template resolved when the run gets there).
class DelayStep : public ExecutableStep
{
public:
    QString name() const override;
    Problem validateConfig(const StepDefinition &step, const StepValidationContext &context) const override;
    StepAttempt *start(const StepDefinition &step, const QJsonObject &renderedConfig,
                       const StepEnvironment &environment, QObject *parent) const override;
    bool isLongRunning() const override;
};

} // namespace wf
