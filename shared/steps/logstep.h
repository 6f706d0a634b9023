#pragma once

#include "engine/executablestep.h"

namespace wf {

// Writes `message` (a template string) to the run's log.
class LogStep : public ExecutableStep
{
public:
    QString name() const override;
    Problem validateConfig(const StepDefinition &step, const StepValidationContext &context) const override;
    StepAttempt *start(const StepDefinition &step, const QJsonObject &renderedConfig,
                       const StepEnvironment &environment, QObject *parent) const override;
};

} // namespace wf
