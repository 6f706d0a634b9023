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

// A bound on what rendering may produce, in bytes of compact JSON as json::sizeAtMost counts
// them. Rendering stops as soon as it runs out, so a template that multiplies data (a step that
// outputs [prev, prev]) fails at the limit instead of exhausting memory.
struct RenderBudget
{
    qint64 remaining = 0;
    QString exceeded; // the error detail once it ran out, naming the limit and its setting

    // Takes `bytes`; false (and nothing more may be produced) when that was more than remained.
    bool take(qint64 bytes);
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
    // With a budget, everything produced counts against it; running out is an Error::invalid
    // whose detail is budget->exceeded.
    static Result<QJsonValue> render(const QJsonValue &value, const TemplateContext &context,
                                     RenderBudget *budget = nullptr);
};

} // namespace wf
