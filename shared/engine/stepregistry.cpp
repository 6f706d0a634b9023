#include "stepregistry.h"

namespace wf {

StepRegistry::StepRegistry() = default;
StepRegistry::~StepRegistry() = default;
StepRegistry::StepRegistry(StepRegistry &&) noexcept = default;
StepRegistry &StepRegistry::operator=(StepRegistry &&) noexcept = default;

const ExecutableStep *StepRegistry::find(const QString &type) const
{
    const auto it = m_types.find(type);
    return it == m_types.end() ? nullptr : it->second.get();
}

const StepType *StepRegistry::findType(const QString &name) const
{
    return find(name);
}

QStringList StepRegistry::names() const
{
    QStringList names;
    names.reserve(qsizetype(m_types.size()));
    for (const auto &entry : m_types)
        names.append(entry.first);
    return names;
}

void StepRegistry::add(std::unique_ptr<ExecutableStep> type)
{
    if (!type)
        return;
    const QString name = type->name();
    m_types[name] = std::move(type);
}

} // namespace wf
