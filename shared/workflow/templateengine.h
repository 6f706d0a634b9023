#pragma once

#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace wf {

// What templates of a running step can see.
struct TemplateContext
{
    QJsonObject payload;                // the trigger's payload
    QHash<QString, QJsonObject> steps;  // finished step name -> {"output": …, "status": …}
    QJsonObject run;                    // {"id": …, "workflow_id": …}
};

// The template language of step configs: ${payload.a.b}, ${payload}, ${steps.<name>.output[.<path>]},
// ${steps.<name>.status}, ${run.id}, ${run.workflow_id}; a path segment of digits indexes an array;
// $${ is a literal ${. Object keys are never templates.
class TemplateEngine
{
public:
    TemplateEngine() = delete;

    // Checks every string inside value against the workflow, before anything runs: syntax, roots,
    // run fields, and that steps.<name> is one of earlierSteps (a step reads only steps before it).
    // The error detail names the location: "<where>.body.user: unknown template root …".
    static Problem validate(const QJsonValue &value, const QStringList &earlierSteps, const QString &where);

    // Renders every string inside value. A string that is exactly one reference becomes the
    // referenced value with its JSON type; references inside longer text are interpolated as text.
    // An unresolvable reference is an Error::invalid naming it: never left in place silently.
    static Result<QJsonValue> render(const QJsonValue &value, const TemplateContext &context);
};

} // namespace wf
