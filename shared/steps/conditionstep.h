#pragma once

#include "engine/executablestep.h"

#include <QJsonValue>

namespace wf {

// Compares `left` with `right` using `op`; when false, the later steps named in `skip` are skipped.
class ConditionStep : public ExecutableStep
{
public:
    QString name() const override;
    Problem validateConfig(const StepDefinition &step, const StepValidationContext &context) const override;
    // An unresolvable `left` is no error when op is "exists": it makes the condition false.
    Result<QJsonObject> renderConfig(const StepDefinition &step, const TemplateContext &context,
                                     RenderBudget &budget) const override;
    StepAttempt *start(const StepDefinition &step, const QJsonObject &renderedConfig,
                       const StepEnvironment &environment, QObject *parent) const override;
    QStringList stepsToSkip(const QJsonValue &output) const override;

    // eq/ne: deep JSON equality (1 == 1.0); lt/le/gt/ge: two numbers or two strings, otherwise false;
    // contains: substring of a string, element of an array, key of an object; exists: left is
    // neither null nor undefined. An unknown op is false.
    static bool evaluate(const QJsonValue &left, const QString &op, const QJsonValue &right);
    static QStringList operators();
};

} // namespace wf
