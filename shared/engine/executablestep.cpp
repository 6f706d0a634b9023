#include "executablestep.h"

#include "workflow/stepdefinition.h"
#include "workflow/templateengine.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

// TemplateEngine::render stops at the first error without saying where it was: render leaf by
// leaf here so that the error names the field ("config.body.user: …").
Result<QJsonValue> renderAt(const QJsonValue &value, const QString &where, const TemplateContext &context)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const Result<QJsonValue> element = renderAt(array.at(i), where + u'[' + QString::number(i) + u']', context);
            if (!element)
                return element;
            array.replace(i, *element);
        }
        return QJsonValue(array);
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const Result<QJsonValue> member = renderAt(it.value(), where + u'.' + it.key(), context);
            if (!member)
                return member;
            it.value() = *member;
        }
        return QJsonValue(object);
    }
    if (!value.isString())
        return value;
    const Result<QJsonValue> rendered = TemplateEngine::render(value, context);
    if (!rendered)
        return Error::invalid(where + u": "_s + rendered.error().detail());
    return rendered;
}

} // namespace

Result<QJsonObject> ExecutableStep::renderConfig(const StepDefinition &step, const TemplateContext &context) const
{
    const Result<QJsonValue> rendered = renderAt(step.config, u"config"_s, context);
    if (!rendered)
        return rendered.error();
    return rendered->toObject();
}

bool ExecutableStep::isLongRunning() const
{
    return false;
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
