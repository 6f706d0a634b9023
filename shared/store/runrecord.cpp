#include "runrecord.h"

#include "core/json.h"

using namespace Qt::StringLiterals;

namespace wf {

QJsonObject RunRecord::toJson() const
{
    QJsonObject object{
        {u"uuid"_s, uuid},
        {u"id"_s, uuid},
        {u"run_id"_s, uuid},
        {u"workflow_id"_s, workflowId},
        {u"workflow_version"_s, workflowVersion},
        {u"status"_s, statusName(status)},
        {u"payload"_s, payload},
        {u"started_at"_s, json::formatTimestamp(startedAtMicros)},
        {u"completed_at"_s, completedAtMicros ? QJsonValue(json::formatTimestamp(*completedAtMicros)) : QJsonValue()},
        {u"error"_s, error ? QJsonValue(*error) : QJsonValue()},
        {u"step_results"_s, stepResults},
    };
    if (retryOf)
        object.insert(u"retry_of"_s, *retryOf);
    return object;
}

} // namespace wf
