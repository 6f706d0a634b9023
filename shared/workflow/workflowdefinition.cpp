#include "workflowdefinition.h"

#include "steptype.h"
#include "templateengine.h"
#include "validation.h"

#include <QHash>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

constexpr qsizetype maxLabelLength = 200;
constexpr qsizetype maxDescriptionLength = 10'000;
constexpr qsizetype maxSteps = 100;
constexpr qsizetype maxStepNameLength = 128;
constexpr qint64 maxTimeoutMs = 86'400'000;

Problem checkLabel(const QJsonValue &value, const QString &field)
{
    if (value.isUndefined())
        return validation::invalid(field, u"is required"_s);
    if (!value.isString())
        return validation::invalid(field, u"must be a string"_s + validation::got(value));
    if (value.toString().isEmpty())
        return validation::invalid(field, u"must not be empty"_s);
    if (value.toString().size() > maxLabelLength)
        return validation::invalid(field, u"must be at most "_s + QString::number(maxLabelLength) + u" characters"_s);
    return std::nullopt;
}

// Step names appear inside template paths (${steps.<name>.output}), hence the forbidden characters.
Problem checkStepName(const QJsonValue &value, const QString &where)
{
    const QString subject = validation::at(where, u"name"_s);
    if (value.isUndefined())
        return validation::invalid(subject, u"is required"_s);
    if (!value.isString())
        return validation::invalid(subject, u"must be a string"_s + validation::got(value));
    const QString name = value.toString();
    if (name.isEmpty())
        return validation::invalid(subject, u"must not be empty"_s);
    if (name.size() > maxStepNameLength)
        return validation::invalid(subject, u"must be at most "_s + QString::number(maxStepNameLength)
                                                + u" characters"_s);
    for (const QChar c : name) {
        if (c == u'.' || c == u'$' || c == u'{' || c == u'}')
            return validation::invalid(subject, validation::quote(name) + u" must not contain '"_s + c
                                                + u"' (step names are used in template paths)"_s);
        if (c.category() == QChar::Other_Control)
            return validation::invalid(subject, u"must not contain control characters"_s);
    }
    return std::nullopt;
}

// Reads one step's own fields; its config is judged later, once every step name is known.
Result<StepDefinition> parseStep(const QJsonValue &value, const QString &indexed, const StepCatalog &catalog)
{
    if (!value.isObject())
        return validation::invalid(indexed, u"must be an object"_s + validation::got(value));
    const QJsonObject object = value.toObject();
    if (Problem problem = checkStepName(object.value(u"name"_s), indexed))
        return *problem;

    StepDefinition step;
    step.name = object.value(u"name"_s).toString();
    const QString where = indexed + u" '"_s + step.name + u'\'';

    const QJsonValue type = object.value(u"type"_s);
    if (type.isUndefined())
        return validation::invalid(validation::at(where, u"type"_s), u"is required"_s);
    if (!type.isString())
        return validation::invalid(validation::at(where, u"type"_s), u"must be a string"_s + validation::got(type));
    step.type = type.toString();
    if (!catalog.findType(step.type))
        return Error::invalid(where + u": unknown step type "_s + validation::quote(step.type) + u" (known types: "_s
                              + catalog.names().join(u", "_s) + u')');

    const QJsonValue config = object.value(u"config"_s);
    if (!config.isUndefined() && !config.isObject())
        return validation::invalid(validation::at(where, u"config"_s),
                                   u"must be an object"_s + validation::got(config));
    step.config = config.toObject();

    const QJsonValue retry = object.value(u"retry"_s);
    if (!retry.isUndefined() && !retry.isNull()) {
        Result<RetryPolicy> policy = RetryPolicy::fromJson(retry, validation::at(where, u"retry"_s));
        if (!policy)
            return policy.error();
        step.retry = *policy;
    }

    const QJsonValue timeout = object.value(u"timeout_ms"_s);
    if (!timeout.isUndefined() && !timeout.isNull()) {
        const QString subject = validation::at(where, u"timeout_ms"_s);
        if (Problem problem = validation::checkInteger(timeout, 1, maxTimeoutMs, subject))
            return *problem;
        step.timeoutMs = timeout.toInteger();
    }
    return step;
}

} // namespace

Result<WorkflowDefinition> WorkflowDefinition::fromJson(const QJsonValue &body, const StepCatalog &catalog)
{
    if (!body.isObject())
        return Error::invalid(u"a workflow definition must be a JSON object"_s + validation::got(body));
    const QJsonObject object = body.toObject();

    WorkflowDefinition definition;
    // Optional, as in the seed (id: str | None): absent or null is no label.
    const QJsonValue id = object.value(u"id"_s);
    if (!id.isUndefined() && !id.isNull()) {
        if (Problem problem = checkLabel(id, u"id"_s))
            return *problem;
        definition.id = id.toString();
    }
    if (Problem problem = checkLabel(object.value(u"name"_s), u"name"_s))
        return *problem;
    definition.name = object.value(u"name"_s).toString();

    const QJsonValue description = object.value(u"description"_s);
    if (!description.isUndefined() && !description.isNull()) {
        if (!description.isString())
            return validation::invalid(u"description"_s, u"must be a string or null"_s + validation::got(description));
        if (description.toString().size() > maxDescriptionLength)
            return validation::invalid(u"description"_s, u"must be at most "_s + QString::number(maxDescriptionLength)
                                                         + u" characters"_s);
        definition.description = description.toString();
    }

    const QJsonValue stepsValue = object.value(u"steps"_s);
    if (stepsValue.isUndefined())
        return validation::invalid(u"steps"_s, u"is required"_s);
    if (!stepsValue.isArray())
        return validation::invalid(u"steps"_s, u"must be an array"_s + validation::got(stepsValue));
    const QJsonArray steps = stepsValue.toArray();
    if (steps.size() > maxSteps)
        return validation::invalid(u"steps"_s, u"must have at most "_s + QString::number(maxSteps) + u" entries (got "_s
                                               + QString::number(steps.size()) + u')');

    QStringList names;
    QHash<QString, qsizetype> firstIndex;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QString indexed = u"steps["_s + QString::number(i) + u']';
        Result<StepDefinition> step = parseStep(steps.at(i), indexed, catalog);
        if (!step)
            return step.error();
        const auto seen = firstIndex.constFind(step->name);
        if (seen != firstIndex.constEnd())
            return Error::invalid(indexed + u" '"_s + step->name + u"': duplicate step name, already used by steps["_s
                                  + QString::number(*seen) + u']');
        firstIndex.insert(step->name, i);
        names.append(step->name);
        definition.steps.append(std::move(*step));
    }

    for (qsizetype i = 0; i < definition.steps.size(); ++i) {
        const StepDefinition &step = definition.steps.at(i);
        const StepValidationContext context{names, int(i),
                                            u"steps["_s + QString::number(i) + u"] '"_s + step.name + u'\''};
        if (Problem problem = catalog.findType(step.type)->validateConfig(step, context))
            return *problem;
        // Templates may only read steps that have finished by the time this one runs.
        if (Problem problem = TemplateEngine::validate(step.config, names.mid(0, i),
                                                       validation::at(context.where, u"config"_s)))
            return *problem;
    }
    return definition;
}

QJsonArray WorkflowDefinition::stepsToJson() const
{
    QJsonArray array;
    for (const StepDefinition &step : steps)
        array.append(step.toJson());
    return array;
}

QList<StepDefinition> WorkflowDefinition::stepsFromStoredJson(const QJsonArray &steps)
{
    QList<StepDefinition> result;
    result.reserve(steps.size());
    for (const QJsonValue &step : steps)
        result.append(StepDefinition::fromStoredJson(step.toObject()));
    return result;
}

} // namespace wf
