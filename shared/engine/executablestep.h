#pragma once

#include "workflow/steptype.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>

class QObject;

namespace wf {

class StepAttempt;
struct RenderBudget;
struct StepEnvironment;
struct TemplateContext;

// A step type the engine can execute: the model's rules (StepType) plus how one attempt runs.
class ExecutableStep : public StepType
{
public:
    // The step's config with its templates rendered for one run, before its first attempt. An
    // unresolvable reference is an Error::invalid naming the field, e.g.
    // "config.body.user: unresolved template ${payload.user.id}: payload has no 'user'".
    // The default renders every field; a type overrides it to treat some failures differently.
    // Everything rendered counts against `budget`; running out is an Error::invalid.
    virtual Result<QJsonObject> renderConfig(const StepDefinition &step, const TemplateContext &context,
                                             RenderBudget &budget) const;

    // Starts one attempt with the rendered config. Never null and never reports from inside this
    // call: an unusable config (a duration that rendered to text, …) ends the attempt from the event
    // loop with an Error::invalid, which is not retried. The attempt is a child of `parent`.
    virtual StepAttempt *start(const StepDefinition &step, const QJsonObject &renderedConfig,
                               const StepEnvironment &environment, QObject *parent) const = 0;

    // Whether the step waits on something outside the process (a timer, a server): worth reporting
    // as "running" before it starts. False by default.
    virtual bool isLongRunning() const;
    // For a step that waits a known time (a delay): how long, from its rendered config. The engine
    // stores when the wait ends with the step's "running" state, so that a run resumed elsewhere
    // waits only for what is left. nullopt (the default) for other steps.
    virtual std::optional<qint64> plannedWaitMs(const QJsonObject &renderedConfig) const;
    // The bound of each attempt when the step sets no timeout_ms; nullopt (the default) for none.
    virtual std::optional<qint64> defaultTimeoutMs() const;
    // The later steps that a successful attempt's output says are not to run (a false condition).
    virtual QStringList stepsToSkip(const QJsonValue &output) const;
};

} // namespace wf
