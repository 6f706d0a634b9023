#include "templateengine.h"

#include "templatestring.h"
#include "validation.h"

#include "core/json.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

const QString payloadRoot = u"payload"_s;
const QString stepsRoot = u"steps"_s;
const QString runRoot = u"run"_s;
const QString outputField = u"output"_s;
const QString statusField = u"status"_s;
const QStringList runFields = {u"id"_s, u"workflow_id"_s};

// The rules on a reference's shape, shared by validation and rendering so that both agree on
// what may be written. earlierSteps is null when rendering (the context decides then).
Problem checkReference(const TemplatePart &part, const QStringList *earlierSteps)
{
    const QStringList &path = part.path;
    const QString source = validation::quote(part.text);
    const QString &root = path.constFirst();
    if (root == payloadRoot)
        return std::nullopt;
    if (root == stepsRoot) {
        if (path.size() < 2)
            return Error::invalid(u"template "_s + source + u" must name a step, as in ${steps.<name>.output}"_s);
        const QString &step = path.at(1);
        if (earlierSteps && !earlierSteps->contains(step))
            return Error::invalid(u"template "_s + source + u" refers to step '"_s + step
                                  + u"', which is not an earlier step of this workflow"_s);
        if (path.size() < 3 || (path.at(2) != outputField && path.at(2) != statusField))
            return Error::invalid(u"template "_s + source + u" must continue with .output or .status after steps."_s
                                  + step);
        if (path.at(2) == statusField && path.size() > 3)
            return Error::invalid(u"template "_s + source + u": steps."_s + step + u".status has no fields"_s);
        return std::nullopt;
    }
    if (root == runRoot) {
        if (path.size() < 2)
            return Error::invalid(u"template "_s + source + u" must name a run field ("_s
                                  + runFields.join(u" or "_s) + u')');
        if (!runFields.contains(path.at(1)))
            return Error::invalid(u"unknown run field '"_s + path.at(1) + u"' in "_s + source + u" (known: "_s
                                  + runFields.join(u", "_s) + u')');
        if (path.size() > 2)
            return Error::invalid(u"template "_s + source + u": run."_s + path.at(1) + u" has no fields"_s);
        return std::nullopt;
    }
    return Error::invalid(u"unknown template root '"_s + root + u"' in "_s + source);
}

Problem validateString(const QString &text, const QStringList &earlierSteps, const QString &where)
{
    if (!text.contains(u'$'))
        return std::nullopt;
    const Result<TemplateString> parsed = TemplateString::parse(text);
    if (!parsed)
        return Error::invalid(validation::at(where, parsed.error().detail()));
    for (const TemplatePart &part : parsed->parts()) {
        if (!part.isReference())
            continue;
        if (Problem problem = checkReference(part, &earlierSteps))
            return Error::invalid(validation::at(where, problem->detail()));
    }
    return std::nullopt;
}

Problem validateValue(const QJsonValue &value, const QStringList &earlierSteps, const QString &where)
{
    if (value.isString())
        return validateString(value.toString(), earlierSteps, where);
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString location = where + u'[' + QString::number(i) + u']';
            if (Problem problem = validateValue(array.at(i), earlierSteps, location))
                return problem;
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString location = where.isEmpty() ? it.key() : where + u'.' + it.key();
            if (Problem problem = validateValue(it.value(), earlierSteps, location))
                return problem;
        }
    }
    return std::nullopt;
}

bool isIndex(const QString &segment)
{
    for (const QChar c : segment) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return !segment.isEmpty();
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"a "_s + json::typeName(value);
    }
}

// Follows path[first…] from value; `name` is the path walked so far, for the error.
Result<QJsonValue> walk(QJsonValue value, const QStringList &path, qsizetype first, QString name)
{
    for (qsizetype i = first; i < path.size(); ++i) {
        const QString &segment = path.at(i);
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            const auto it = object.constFind(segment);
            if (it == object.constEnd())
                return Error::invalid(name + u" has no '"_s + segment + u'\'');
            value = it.value();
        } else if (value.isArray() && isIndex(segment)) {
            const QJsonArray array = value.toArray();
            bool ok = false;
            const qsizetype index = segment.toLongLong(&ok);
            if (!ok || index >= array.size())
                return Error::invalid(name + u" has no index "_s + segment + u" (it has "_s
                                      + QString::number(array.size()) + u" elements)"_s);
            value = array.at(index);
        } else {
            return Error::invalid(name + u" is "_s + describe(value) + u" and has no '"_s + segment + u'\'');
        }
        name += u'.' + segment;
    }
    return value;
}

Result<QJsonValue> resolve(const TemplatePart &part, const TemplateContext &context)
{
    if (Problem problem = checkReference(part, nullptr))
        return *problem;
    const QStringList &path = part.path;
    const QString &root = path.constFirst();
    Result<QJsonValue> resolved = QJsonValue();
    if (root == payloadRoot) {
        resolved = walk(context.payload, path, 1, payloadRoot);
    } else if (root == stepsRoot) {
        const QString &step = path.at(1);
        const auto it = context.steps.constFind(step);
        if (it == context.steps.constEnd()) {
            resolved = Error::invalid(u"step '"_s + step + u"' has no result"_s);
        } else {
            const QString &field = path.at(2);
            const QJsonValue value = it->value(field);
            const QString name = stepsRoot + u'.' + step + u'.' + field;
            if (value.isUndefined())
                resolved = Error::invalid(u"step '"_s + step + u"' has no "_s + field);
            else
                resolved = walk(value, path, 3, name);
        }
    } else {
        const QJsonValue value = context.run.value(path.at(1));
        if (value.isUndefined())
            resolved = Error::invalid(u"run has no '"_s + path.at(1) + u'\'');
        else
            resolved = walk(value, path, 2, runRoot + u'.' + path.at(1));
    }
    if (!resolved)
        return Error::invalid(u"unresolved template "_s + part.text + u": "_s + resolved.error().detail());
    return resolved;
}

Error budgetExceeded(const RenderBudget &budget)
{
    return Error::invalid(budget.exceeded);
}

Result<QJsonValue> renderString(const QString &text, const TemplateContext &context, RenderBudget *budget)
{
    if (!text.contains(u'$')) {
        if (budget && !budget->take(text.size() + 2))
            return budgetExceeded(*budget);
        return QJsonValue(text);
    }
    const Result<TemplateString> parsed = TemplateString::parse(text);
    if (!parsed)
        return parsed.error();
    if (parsed->isSingleReference()) {
        Result<QJsonValue> value = resolve(parsed->parts().constFirst(), context);
        if (value && budget && !budget->take(json::sizeAtMost(*value, std::max<qint64>(budget->remaining, 0))))
            return budgetExceeded(*budget);
        return value;
    }
    QString rendered;
    for (const TemplatePart &part : parsed->parts()) {
        const qsizetype before = rendered.size();
        if (!part.isReference()) {
            rendered += part.text;
        } else {
            const Result<QJsonValue> value = resolve(part, context);
            if (!value)
                return value.error();
            if (value->isString()) {
                rendered += value->toString();
            } else {
                // Judge the size before serialising: a huge value must not be written out first.
                if (budget && json::sizeAtMost(*value, std::max<qint64>(budget->remaining, 0)) > budget->remaining)
                    return budgetExceeded(*budget);
                // Qt writes integral numbers without ".0" and other numbers in their shortest form.
                rendered += QString::fromUtf8(json::serialize(*value));
            }
        }
        if (budget && !budget->take(rendered.size() - before))
            return budgetExceeded(*budget);
    }
    if (budget && !budget->take(2))
        return budgetExceeded(*budget);
    return QJsonValue(rendered);
}

} // namespace

Problem TemplateEngine::validate(const QJsonValue &value, const QStringList &earlierSteps, const QString &where)
{
    return validateValue(value, earlierSteps, where);
}

bool RenderBudget::take(qint64 bytes)
{
    remaining -= bytes;
    return remaining >= 0;
}

Result<QJsonValue> TemplateEngine::render(const QJsonValue &value, const TemplateContext &context, RenderBudget *budget)
{
    if (value.isString())
        return renderString(value.toString(), context, budget);
    if (value.isArray()) {
        if (budget && !budget->take(2))
            return budgetExceeded(*budget);
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (budget && !budget->take(1))
                return budgetExceeded(*budget);
            const Result<QJsonValue> element = render(array.at(i), context, budget);
            if (!element)
                return element;
            array.replace(i, *element);
        }
        return QJsonValue(array);
    }
    if (value.isObject()) {
        if (budget && !budget->take(2))
            return budgetExceeded(*budget);
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (budget && !budget->take(it.key().size() + 4))
                return budgetExceeded(*budget);
            const Result<QJsonValue> member = render(it.value(), context, budget);
            if (!member)
                return member;
            it.value() = *member;
        }
        return QJsonValue(object);
    }
    if (budget && !budget->take(json::sizeAtMost(value, 8)))
        return budgetExceeded(*budget);
    return value;
}

} // namespace wf
