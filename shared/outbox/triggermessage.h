#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace wf {

// A workflow.trigger message as a worker reads it off Kafka, the bytes another process wrote
// (WF_TRIGGER_MESSAGE_INSERT in outboxsql.h): {"run_id": …, "workflow_id": …, "workflow_version": n}.
// Only the run id is taken: the claim reads everything else from the run itself, so a message
// cannot make a worker execute anything but a run that exists.
struct TriggerMessage
{
    QString runId; // 32 lower-case hex digits (ids::normalize)

    // The message's run, or why it cannot have one ("message is not JSON", "message has no valid
    // run_id"), which its dead letter records.
    static Result<TriggerMessage> decode(const QByteArray &value);
};

} // namespace wf
