#include "triggermessage.h"

#include "core/ids.h"
#include "core/json.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wf {

Result<TriggerMessage> TriggerMessage::decode(const QByteArray &value)
{
    const auto parsed = json::parse(value);
    if (!parsed)
        return Error::invalid(u"message is not JSON"_s);
    const QString runId = parsed->isObject() ? ids::normalize(parsed->toObject().value(u"run_id"_s).toString()) : QString();
    if (runId.isEmpty())
        return Error::invalid(u"message has no valid run_id"_s);
    return TriggerMessage{runId};
}

} // namespace wf
