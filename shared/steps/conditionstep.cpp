#include "conditionstep.h"

#include "engine/immediateattempt.h"
#include "workflow/stepdefinition.h"
#include "workflow/templateengine.h"
#include "workflow/validation.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

const QStringList knownOperators = {u"eq"_s, u"ne"_s, u"lt"_s, u"le"_s, u"gt"_s, u"ge"_s, u"contains"_s, u"exists"_s};

// QJsonValue's own operator== is not relied on: numbers must compare by value whatever their
// internal representation (an integer 1 and a double 1.0 are the same JSON number).
bool jsonEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if (a.type() != b.type())
        return (a.isNull() || a.isUndefined()) && (b.isNull() || b.isUndefined());
    switch (a.type()) {
    case QJsonValue::Bool:
        return a.toBool() == b.toBool();
    case QJsonValue::String:
        return a.toString() == b.toString();
    case QJsonValue::Array: {
        const QJsonArray left = a.toArray();
        const QJsonArray right = b.toArray();
        if (left.size() != right.size())
            return false;
        for (qsizetype i = 0; i < left.size(); ++i) {
            if (!jsonEqual(left.at(i), right.at(i)))
                return false;
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject left = a.toObject();
        const QJsonObject right = b.toObject();
        if (left.size() != right.size())
            return false;
        for (auto it = left.constBegin(); it != left.constEnd(); ++it) {
            const auto other = right.constFind(it.key());
            if (other == right.constEnd() || !jsonEqual(it.value(), other.value()))
                return false;
        }
        return true;
    }
    default:
        return true; // both null or both undefined
    }
}

// -1, 0 or 1 for two numbers or two strings; nullopt when they cannot be ordered.
std::optional<int> order(const QJsonValue &left, const QJsonValue &right)
{
    if (left.isDouble() && right.isDouble()) {
        const double a = left.toDouble();
        const double b = right.toDouble();
        return a < b ? -1 : (a > b ? 1 : 0);
    }
    if (left.isString() && right.isString()) {
        const int comparison = left.toString().compare(right.toString());
        return comparison < 0 ? -1 : (comparison > 0 ? 1 : 0);
    }
    return std::nullopt;
}

bool contains(const QJsonValue &left, const QJsonValue &right)
{
    if (left.isString())
        return right.isString() && left.toString().contains(right.toString());
    if (left.isArray()) {
        const QJsonArray array = left.toArray();
        for (const QJsonValue &element : array) {
            if (jsonEqual(element, right))
                return true;
        }
        return false;
    }
    if (left.isObject())
        return right.isString() && left.toObject().contains(right.toString());
    return false;
}

Problem checkSkip(const QJsonValue &value, const QString &subject, const StepValidationContext &context)
{
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isArray())
        return validation::invalid(subject, u"must be an array of step names"_s + validation::got(value));
    const QJsonArray skip = value.toArray();
    for (qsizetype i = 0; i < skip.size(); ++i) {
        const QString element = subject + u'[' + QString::number(i) + u']';
        if (!skip.at(i).isString())
            return validation::invalid(element, u"must be a step name"_s + validation::got(skip.at(i)));
        const QString name = skip.at(i).toString();
        const qsizetype position = context.stepNames.indexOf(name);
        if (position < 0)
            return validation::invalid(element, u"names no step of this workflow: "_s + validation::quote(name));
        if (position == context.index)
            return validation::invalid(element, u"names this step itself ('"_s + name
                                                + u"'); only later steps can be skipped"_s);
        // Skipping works forward only: an earlier step has already run when the condition is evaluated.
        if (position < context.index)
            return validation::invalid(element, u"names '"_s + name + u"', which comes before this step; "
                                                u"only later steps can be skipped"_s);
    }
    return std::nullopt;
}

} // namespace

QString ConditionStep::name() const
{
    return u"condition"_s;
}

QStringList ConditionStep::operators()
{
    return knownOperators;
}

Problem ConditionStep::validateConfig(const StepDefinition &step, const StepValidationContext &context) const
{
    const QJsonObject &config = step.config;
    const auto subject = [&context](const QString &field) {
        return validation::at(context.where, u"config."_s + field);
    };
    if (!config.contains(u"left"_s))
        return validation::invalid(subject(u"left"_s), u"is required"_s);
    const QJsonValue op = config.value(u"op"_s);
    if (op.isUndefined())
        return validation::invalid(subject(u"op"_s), u"is required"_s);
    if (!op.isString() || !knownOperators.contains(op.toString()))
        return validation::invalid(subject(u"op"_s), u"must be one of "_s + knownOperators.join(u", "_s)
                                   + validation::got(op));
    if (op.toString() != u"exists"_s && !config.contains(u"right"_s))
        return validation::invalid(subject(u"right"_s), u"is required when op is '"_s + op.toString() + u'\'');
    return checkSkip(config.value(u"skip"_s), subject(u"skip"_s), context);
}

bool ConditionStep::evaluate(const QJsonValue &left, const QString &op, const QJsonValue &right)
{
    if (op == u"exists"_s)
        return !left.isNull() && !left.isUndefined();
    if (op == u"eq"_s)
        return jsonEqual(left, right);
    if (op == u"ne"_s)
        return !jsonEqual(left, right);
    if (op == u"contains"_s)
        return contains(left, right);
    const std::optional<int> comparison = order(left, right);
    if (!comparison)
        return false;
    if (op == u"lt"_s)
        return *comparison < 0;
    if (op == u"le"_s)
        return *comparison <= 0;
    if (op == u"gt"_s)
        return *comparison > 0;
    if (op == u"ge"_s)
        return *comparison >= 0;
    return false;
}

Result<QJsonObject> ConditionStep::renderConfig(const StepDefinition &step, const TemplateContext &context,
                                                RenderBudget &budget) const
{
    if (step.config.value(u"op"_s).toString() != u"exists"_s)
        return ExecutableStep::renderConfig(step, context, budget);
    // "Does it exist?" must be answerable with "no" for a path that leads nowhere, such as an
    // optional payload field or the output of a skipped step.
    StepDefinition rest = step;
    const QJsonValue left = rest.config.take(u"left"_s);
    Result<QJsonObject> rendered = ExecutableStep::renderConfig(rest, context, budget);
    if (!rendered)
        return rendered;
    const Result<QJsonValue> renderedLeft = TemplateEngine::render(left, context, &budget);
    if (!renderedLeft && !budget.exceeded.isEmpty() && budget.remaining < 0)
        return Error::invalid(u"config.left: "_s + budget.exceeded);
    if (renderedLeft)
        rendered->insert(u"left"_s, *renderedLeft);
    return rendered;
}

StepAttempt *ConditionStep::start(const StepDefinition &step, const QJsonObject &renderedConfig,
                                  const StepEnvironment &environment, QObject *parent) const
{
    Q_UNUSED(step)
    Q_UNUSED(environment)
    const bool result = evaluate(renderedConfig.value(u"left"_s), renderedConfig.value(u"op"_s).toString(),
                                 renderedConfig.value(u"right"_s));
    const QJsonArray skipped = result ? QJsonArray() : renderedConfig.value(u"skip"_s).toArray();
    const QJsonObject output{{u"type"_s, u"condition"_s}, {u"result"_s, result}, {u"skipped"_s, skipped}};
    return new ImmediateAttempt(QJsonValue(output),
                                parent);
}

QStringList ConditionStep::stepsToSkip(const QJsonValue &output) const
{
    QStringList names;
    const QJsonArray skipped = output.toObject().value(u"skipped"_s).toArray();
    for (const QJsonValue &name : skipped) {
        if (name.isString())
            names.append(name.toString());
    }
    return names;
}

} // namespace wf
