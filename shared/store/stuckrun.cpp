#include "stuckrun.h"

#include "core/json.h"

using namespace Qt::StringLiterals;

namespace wf {

QString StuckRun::reason() const
{
    const QString seconds = QString::number(qint64(stuckSeconds));
    if (status == RunStatus::Running)
        return u"running, but the lease of %1 expired %2 s ago: that worker stopped renewing it (it died or hangs); "
               u"the sweeper takes such runs back, POST …/requeue does it now"_s
                .arg(leaseOwner.value_or(u"?"_s), seconds);
    return u"pending for %1 s since its last trigger message: no worker has taken it (the message may be lost, "
           u"or every worker is busy or stopped)"_s
            .arg(seconds);
}

QJsonObject StuckRun::toJson() const
{
    return {
        {u"run_id"_s, runId},
        {u"workflow_id"_s, workflowId},
        {u"status"_s, statusName(status)},
        {u"started_at"_s, json::formatTimestamp(startedAtMicros)},
        {u"updated_at"_s, json::formatTimestamp(updatedAtMicros)},
        {u"stuck_seconds"_s, qint64(stuckSeconds)},
        {u"lease_owner"_s, leaseOwner ? QJsonValue(*leaseOwner) : QJsonValue()},
        {u"executions"_s, executions},
        {u"reason"_s, reason()},
    };
}

} // namespace wf
