#include "logstep.h"

#include "workflow/stepdefinition.h"
#include "workflow/validation.h"

using namespace Qt::StringLiterals;

namespace wf {

QString LogStep::name() const
{
    return u"log"_s;
}

Problem LogStep::validateConfig(const StepDefinition &step, const StepValidationContext &context) const
{
    const QString subject = validation::at(context.where, u"config.message"_s);
    const QJsonValue message = step.config.value(u"message"_s);
    if (message.isUndefined())
        return validation::invalid(subject, u"is required"_s);
    if (!message.isString())
        return validation::invalid(subject, u"must be a string"_s + validation::got(message));
    return std::nullopt;
}

} // namespace wf
