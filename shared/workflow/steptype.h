#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

class QObject;

namespace wf {

class StepAttempt;
struct StepDefinition;
struct StepEnvironment;
struct TemplateContext;

// What a step type may look at while validating its config: the workflow around the step.
struct StepValidationContext
{
    QStringList stepNames; // every step of the workflow, in order
    int index = 0;         // this step's position in stepNames
    QString where;         // prefix of error details, e.g. "steps[1] 'notify'"
};

// One kind of step ("delay", "webhook", …). Each type owns the rules of its own config, so adding a
// type never touches the definition parser, and the way it executes, so the engine knows no type.
class StepType
{
public:
    StepType() = default;
    virtual ~StepType();
    Q_DISABLE_COPY_MOVE(StepType)

    virtual QString name() const = 0;
    // nullopt when step.config is acceptable; otherwise an Error::invalid whose detail starts with
    // context.where and names the config field, e.g. "steps[1] 'notify': config.url must be a string".
    virtual Problem validateConfig(const StepDefinition &step, const StepValidationContext &context) const = 0;

    // The step's config with its templates rendered for one run, before its first attempt. An
    // unresolvable reference is an Error::invalid naming the field, e.g.
    // "config.body.user: unresolved template ${payload.user.id}: payload has no 'user'".
    // The default renders every field; a type overrides it to treat some failures differently.
    virtual Result<QJsonObject> renderConfig(const StepDefinition &step, const TemplateContext &context) const;

    // Starts one attempt with the rendered config. Never null and never reports from inside this
    // call: an unusable config (a duration that rendered to text, …) ends the attempt from the event
    // loop with an Error::invalid, which is not retried. The attempt is a child of `parent`.
    virtual StepAttempt *start(const StepDefinition &step, const QJsonObject &renderedConfig,
                               const StepEnvironment &environment, QObject *parent) const = 0;

    // Whether the step waits on something outside the process (a timer, a server): worth reporting
    // as "running" before it starts. False by default.
    virtual bool isLongRunning() const;
    // The bound of each attempt when the step sets no timeout_ms; nullopt (the default) for none.
    virtual std::optional<qint64> defaultTimeoutMs() const;
    // The later steps that a successful attempt's output says are not to run (a false condition).
    virtual QStringList stepsToSkip(const QJsonValue &output) const;
};

} // namespace wf
