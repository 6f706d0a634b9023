#include "stepregistry.h"

#include "steps/conditionstep.h"
#include "steps/delaystep.h"
#include "steps/logstep.h"
#include "steps/transformstep.h"
#include "steps/webhookstep.h"

namespace wf {

StepRegistry::StepRegistry() = default;
StepRegistry::~StepRegistry() = default;
StepRegistry::StepRegistry(StepRegistry &&) noexcept = default;
StepRegistry &StepRegistry::operator=(StepRegistry &&) noexcept = default;

const StepRegistry &StepRegistry::builtin()
{
    static const StepRegistry registry = withBuiltins();
    return registry;
}

StepRegistry StepRegistry::withBuiltins()
{
    StepRegistry registry;
    registry.add(std::make_unique<DelayStep>());
    registry.add(std::make_unique<WebhookStep>());
    registry.add(std::make_unique<TransformStep>());
    registry.add(std::make_unique<ConditionStep>());
    registry.add(std::make_unique<LogStep>());
    return registry;
}

const StepType *StepRegistry::find(const QString &type) const
{
    const auto it = m_types.find(type);
    return it == m_types.end() ? nullptr : it->second.get();
}

QStringList StepRegistry::names() const
{
    QStringList names;
    names.reserve(qsizetype(m_types.size()));
    for (const auto &entry : m_types)
        names.append(entry.first);
    return names;
}

void StepRegistry::add(std::unique_ptr<StepType> type)
{
    if (!type)
        return;
    const QString name = type->name();
    m_types[name] = std::move(type);
}

} // namespace wf
