#pragma once

#include "executablestep.h"

#include <QString>
#include <QStringList>

#include <map>
#include <memory>

namespace wf {

// The step types a process can validate and execute, by name. Built once at start-up (for the
// built-in types: steps::builtinSteps()) and read-only afterwards, so all threads may share it.
class StepRegistry : public StepCatalog
{
public:
    StepRegistry();
    ~StepRegistry() override;
    StepRegistry(StepRegistry &&) noexcept;
    StepRegistry &operator=(StepRegistry &&) noexcept;
    Q_DISABLE_COPY(StepRegistry)

    // nullptr when no type of that name is registered.
    const ExecutableStep *find(const QString &type) const;
    const StepType *findType(const QString &name) const override;
    QStringList names() const override;
    // Replaces a type registered under the same name.
    void add(std::unique_ptr<ExecutableStep> type);

private:
    std::map<QString, std::unique_ptr<ExecutableStep>> m_types;
};

} // namespace wf
