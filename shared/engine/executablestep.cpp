#include "executablestep.h"

#include "core/json.h"
#include "workflow/stepdefinition.h"
#include "workflow/templateengine.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

// TemplateEngine::render stops at the first error without saying where it was: render leaf by
// leaf here so that the error names the field ("config.body.user: …"). The structure around the
// leaves counts against the budget as the compact JSON it becomes.
Result<QJsonValue> renderAt(const QJsonValue &value, const QString &where, const TemplateContext &context,
                            RenderBudget &budget)
{
    const auto exhausted = [&] { return Error::invalid(where + u": "_s + budget.exceeded); };
    if (value.isArray()) {
        if (!budget.take(2))
            return exhausted();
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!budget.take(1))
                return exhausted();
            const Result<QJsonValue> element =
                    renderAt(array.at(i), where + u'[' + QString::number(i) + u']', context, budget);
            if (!element)
                return element;
            array.replace(i, *element);
        }
        return QJsonValue(array);
    }
    if (value.isObject()) {
        if (!budget.take(2))
            return exhausted();
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!budget.take(it.key().size() + 4))
                return exhausted();
            const Result<QJsonValue> member = renderAt(it.value(), where + u'.' + it.key(), context, budget);
            if (!member)
                return member;
            it.value() = *member;
        }
        return QJsonValue(object);
    }
    if (!value.isString()) {
        if (!budget.take(json::sizeAtMost(value, 32)))
            return exhausted();
        return value;
    }
    const Result<QJsonValue> rendered = TemplateEngine::render(value, context, &budget);
    if (!rendered)
        return Error::invalid(where + u": "_s + rendered.error().detail());
    return rendered;
}

} // namespace

Result<QJsonObject> ExecutableStep::renderConfig(const StepDefinition &step, const TemplateContext &context,
                                                 RenderBudget &budget) const
{
    const Result<QJsonValue> rendered = renderAt(step.config, u"config"_s, context, budget);
    if (!rendered)
        return rendered.error();
    return rendered->toObject();
}

bool ExecutableStep::isLongRunning() const
{
    return false;
}

std::optional<qint64> ExecutableStep::plannedWaitMs(const QJsonObject &renderedConfig) const
{
    Q_UNUSED(renderedConfig)
    return std::nullopt;
}

std::optional<qint64> ExecutableStep::defaultTimeoutMs() const
{
    return std::nullopt;
}

QStringList ExecutableStep::stepsToSkip(const QJsonValue &output) const
{
    Q_UNUSED(output)
    return {};
}

} // namespace wf
