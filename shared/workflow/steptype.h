#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace wf {

struct StepDefinition;

// What a step type may look at while validating its config: the workflow around the step.
struct StepValidationContext
{
    QStringList stepNames; // every step of the workflow, in order
    int index = 0;         // this step's position in stepNames
    QString where;         // prefix of error details, e.g. "steps[1] 'notify'"
};

// One kind of step ("delay", "webhook", …) as the model sees it: a name and the rules of its own
// config, so adding a type never touches the definition parser. How a type executes is the
// engine's business (engine/executablestep.h); the types themselves live in shared/steps.
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
};

// The step types a definition may use, by name. The model only looks types up; whoever runs the
// process decides which types exist (steps::builtinSteps()) and passes them in.
class StepCatalog
{
public:
    virtual ~StepCatalog();

    // nullptr when no type of that name is known.
    virtual const StepType *findType(const QString &name) const = 0;
    // Sorted, for error messages and documentation.
    virtual QStringList names() const = 0;
};

} // namespace wf
