#include "workflowrecord.h"

#include "secretredaction.h"

#include "core/json.h"

using namespace Qt::StringLiterals;

namespace wf {

QJsonObject WorkflowRecord::toJson() const
{
    return {
        {u"uuid"_s, uuid},
        {u"workflow_id"_s, uuid},
        {u"id"_s, id ? QJsonValue(*id) : QJsonValue()},
        {u"name"_s, name},
        {u"description"_s, description ? QJsonValue(*description) : QJsonValue()},
        {u"steps"_s, SecretRedaction::redacted(steps)},
        {u"version"_s, version},
        {u"created_at"_s, json::formatTimestamp(createdAtMicros)},
        {u"updated_at"_s, json::formatTimestamp(updatedAtMicros)},
    };
}

} // namespace wf
