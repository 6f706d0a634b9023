#pragma once

#include "core/result.h"
#include "outbox/outboxmessage.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace wf {

// POST /api/v1/trigger: {"workflow_id": id, "payload": {…}} plus an optional Idempotency-Key.
struct TriggerRequest
{
    QString workflowId;      // as the client sent it; may not be a well-formed id (then: not found)
    QJsonObject payload;
    QString idempotencyKey;  // empty = none; the header's bytes as Latin-1, so any non-ASCII byte is visible
    QByteArray traceparent;  // W3C trace context the run carries (TraceContext::continueFrom)

    static constexpr int kMaxIdempotencyKeyLength = 255;

    static Result<TriggerRequest> fromJson(const QJsonValue &body, const QString &idempotencyKey);
    // An Idempotency-Key header (trigger or retry): at most kMaxIdempotencyKeyLength printable
    // ASCII characters; empty is none.
    static Problem checkIdempotencyKey(const QString &key);
};

// What a trigger did: a new run, or the run an earlier request with the same key created.
struct TriggerOutcome
{
    QString runId;
    bool replayed = false;
    std::optional<OutboxMessage> message; // the workflow.trigger message written with a new run
};

} // namespace wf
