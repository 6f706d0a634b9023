#pragma once

#include "engine/executablestep.h"

namespace wf {

// Its output is `output` (any JSON) with the templates inside rendered.
class TransformStep : public ExecutableStep
{
public:
    QString name() const override;
    Problem validateConfig(const StepDefinition &step, const StepValidationContext &context) const override;
    StepAttempt *start(const StepDefinition &step, const QJsonObject &renderedConfig,
                       const StepEnvironment &environment, QObject *parent) const override;
};

} // namespace wf
