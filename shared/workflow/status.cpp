#include "status.h"

using namespace Qt::StringLiterals;

namespace wf {

namespace {

constexpr RunStatus kRunStatuses[] = {RunStatus::Pending, RunStatus::Running, RunStatus::Success, RunStatus::Failed,
                                      RunStatus::Cancelled};
constexpr StepStatus kStepStatuses[] = {StepStatus::Pending, StepStatus::Running, StepStatus::Success, StepStatus::Failed,
                                        StepStatus::Skipped};

} // namespace

QString statusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Pending:
        return u"pending"_s;
    case RunStatus::Running:
        return u"running"_s;
    case RunStatus::Success:
        return u"success"_s;
    case RunStatus::Failed:
        return u"failed"_s;
    case RunStatus::Cancelled:
        return u"cancelled"_s;
    }
    return {};
}

QString statusName(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending:
        return u"pending"_s;
    case StepStatus::Running:
        return u"running"_s;
    case StepStatus::Success:
        return u"success"_s;
    case StepStatus::Failed:
        return u"failed"_s;
    case StepStatus::Skipped:
        return u"skipped"_s;
    }
    return {};
}

std::optional<RunStatus> runStatusFromName(QStringView name)
{
    for (RunStatus status : kRunStatuses) {
        if (statusName(status) == name)
            return status;
    }
    return std::nullopt;
}

std::optional<StepStatus> stepStatusFromName(QStringView name)
{
    for (StepStatus status : kStepStatuses) {
        if (statusName(status) == name)
            return status;
    }
    return std::nullopt;
}

const QStringList &runStatusNames()
{
    static const QStringList names = [] {
        QStringList all;
        for (RunStatus status : kRunStatuses)
            all.append(statusName(status));
        return all;
    }();
    return names;
}

bool isTerminal(RunStatus status)
{
    return status == RunStatus::Success || status == RunStatus::Failed || status == RunStatus::Cancelled;
}

} // namespace wf
