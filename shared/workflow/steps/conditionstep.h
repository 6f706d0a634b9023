#pragma once

#include "workflow/steptype.h"

#include <QJsonValue>

namespace wf {

// Compares `left` with `right` using `op`; when false, the later steps named in `skip` are skipped.
class ConditionStep : public StepType
{
public:
    QString name() const override;
    Problem validateConfig(const StepDefinition &step, const StepValidationContext &context) const override;

    // eq/ne: deep JSON equality (1 == 1.0); lt/le/gt/ge: two numbers or two strings, otherwise false;
    // contains: substring of a string, element of an array, key of an object; exists: left is
    // neither null nor undefined. An unknown op is false.
    static bool evaluate(const QJsonValue &left, const QString &op, const QJsonValue &right);
    static QStringList operators();
};

} // namespace wf
