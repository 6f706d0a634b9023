#include "triggerrequest.h"

#include "core/json.h"

using namespace Qt::StringLiterals;

namespace wf {

Result<TriggerRequest> TriggerRequest::fromJson(const QJsonValue &body, const QString &idempotencyKey)
{
    if (!body.isObject())
        return Error::invalid(u"body must be a JSON object, got %1"_s.arg(json::typeName(body)));
    const QJsonObject object = body.toObject();
    TriggerRequest request;
    const QJsonValue workflowId = object.value(u"workflow_id"_s);
    if (workflowId.isUndefined())
        return Error::invalid(u"workflow_id is required"_s);
    if (!workflowId.isString())
        return Error::invalid(u"workflow_id must be a string, got %1"_s.arg(json::typeName(workflowId)));
    request.workflowId = workflowId.toString();
    const QJsonValue payload = object.value(u"payload"_s);
    if (!payload.isUndefined() && !payload.isNull()) {
        if (!payload.isObject())
            return Error::invalid(u"payload must be a JSON object, got %1"_s.arg(json::typeName(payload)));
        request.payload = payload.toObject();
    }
    if (Problem problem = checkIdempotencyKey(idempotencyKey))
        return *problem;
    request.idempotencyKey = idempotencyKey;
    return request;
}

Problem TriggerRequest::checkIdempotencyKey(const QString &key)
{
    if (key.size() > kMaxIdempotencyKeyLength)
        return Error::invalid(u"Idempotency-Key must be at most %1 characters"_s.arg(kMaxIdempotencyKeyLength));
    // Printable ASCII only: other bytes would not survive text round trips unchanged, and two
    // different keys must never compare equal.
    for (const QChar c : key) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return Error::invalid(u"Idempotency-Key must be printable ASCII"_s);
    }
    return std::nullopt;
}

} // namespace wf
