#include "logstep.h"

#include "core/json.h"
#include "engine/enginelog.h"
#include "engine/immediateattempt.h"
#include "engine/stepenvironment.h"
#include "workflow/stepdefinition.h"
#include "workflow/validation.h"

#include <QJsonObject>

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

StepAttempt *LogStep::start(const StepDefinition &step, const QJsonObject &renderedConfig,
                            const StepEnvironment &environment, QObject *parent) const
{
    const QJsonValue message = renderedConfig.value(u"message"_s);
    // A whole-value template may have produced any JSON; the log line shows it as JSON then.
    QString text = message.isString() ? message.toString() : QString::fromUtf8(json::serialize(message));
    // One event, one line, whatever the client put into the message.
    text.replace(u'\\', u"\\\\"_s).replace(u'\n', u"\\n"_s).replace(u'\r', u"\\r"_s);
    qCInfo(lcEngine).noquote() << "run" << environment.runId << "step" << step.name << "log:" << text;
    return new ImmediateAttempt(QJsonValue(QJsonObject{{u"type"_s, u"log"_s}, {u"message"_s, message}}), parent);
}

} // namespace wf
