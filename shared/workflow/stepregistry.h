#pragma once

#include "steptype.h"

#include <QString>
#include <QStringList>

#include <map>
#include <memory>

namespace wf {

// The step types a workflow may use, by name.
class StepRegistry
{
public:
    StepRegistry();
    ~StepRegistry();
    StepRegistry(StepRegistry &&) noexcept;
    StepRegistry &operator=(StepRegistry &&) noexcept;
    Q_DISABLE_COPY(StepRegistry)

    // The built-in types (condition, delay, log, transform, webhook); built once, read-only, so it
    // may be shared by all threads.
    static const StepRegistry &builtin();
    // A fresh registry holding the built-in types, for callers that add their own.
    static StepRegistry withBuiltins();

    // nullptr when no type of that name is registered.
    const StepType *find(const QString &type) const;
    // Sorted, for error messages and documentation.
    QStringList names() const;
    // Replaces a type registered under the same name.
    void add(std::unique_ptr<StepType> type);

private:
    std::map<QString, std::unique_ptr<StepType>> m_types;
};

} // namespace wf
