#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace wf {

// Where a run stands. Stored and shown by these names: pending, running, success, failed, cancelled.
enum class RunStatus { Pending, Running, Success, Failed, Cancelled };

// Where one step of a run stands: pending, running, success, failed, skipped.
enum class StepStatus { Pending, Running, Success, Failed, Skipped };

QString statusName(RunStatus status);
QString statusName(StepStatus status);
std::optional<RunStatus> runStatusFromName(QStringView name);
std::optional<StepStatus> stepStatusFromName(QStringView name);

// Every run status name, in lifecycle order (for error messages and documentation).
const QStringList &runStatusNames();

// success, failed and cancelled: nothing happens to the run any more.
bool isTerminal(RunStatus status);

} // namespace wf
