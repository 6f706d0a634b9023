// Workflow definitions as POST /api/v1/workflows receives them: any bytes, parsed as JSON, then
// validated against the built-in step types. A definition that is accepted must survive the
// round trip through its stored form (what the database keeps and the workers read back).
#include "core/json.h"
#include "steps/builtinsteps.h"
#include "workflow/workflowdefinition.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const wf::StepRegistry steps = wf::steps::builtinSteps();
    const auto parsed = wf::json::parse(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!parsed)
        return 0;
    const auto definition = wf::WorkflowDefinition::fromJson(*parsed, steps);
    if (!definition)
        return 0;
    QJsonObject stored{{QStringLiteral("name"), definition->name}, {QStringLiteral("steps"), definition->stepsToJson()}};
    const auto again = wf::WorkflowDefinition::fromJson(stored, steps);
    if (!again || again->steps.size() != definition->steps.size())
        __builtin_trap(); // accepted once, refused in its own stored form
    return 0;
}
