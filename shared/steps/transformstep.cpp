#include "transformstep.h"

#include "engine/immediateattempt.h"
#include "workflow/stepdefinition.h"
#include "workflow/validation.h"

using namespace Qt::StringLiterals;

namespace wf {

QString TransformStep::name() const
{
    return u"transform"_s;
}

Problem TransformStep::validateConfig(const StepDefinition &step, const StepValidationContext &context) const
{
    // Any JSON is a valid output, null included; only its absence is a mistake.
    if (!step.config.contains(u"output"_s))
        return validation::invalid(validation::at(context.where, u"config.output"_s), u"is required"_s);
    return std::nullopt;
}

StepAttempt *TransformStep::start(const StepDefinition &step, const QJsonObject &renderedConfig,
                                  const StepEnvironment &environment, QObject *parent) const
{
    Q_UNUSED(step)
    Q_UNUSED(environment)
    return new ImmediateAttempt(renderedConfig.value(u"output"_s), parent);
}

} // namespace wf
