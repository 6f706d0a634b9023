#include "scalingevent.h"

#include "core/json.h"

using namespace Qt::StringLiterals;

namespace wf {

QJsonObject ScalingEvent::toJson() const
{
    auto orNull = [](const QString &text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); };
    return {{u"id"_s, double(id)},
            {u"component"_s, component},
            {u"from"_s, from < 0 ? QJsonValue() : QJsonValue(from)},
            {u"to"_s, to},
            {u"source"_s, source},
            {u"reason"_s, orNull(reason)},
            {u"rule"_s, orNull(rule)},
            {u"inputs"_s, inputs.isEmpty() ? QJsonValue() : QJsonValue(inputs)},
            {u"acted"_s, acted},
            {u"created_at"_s, json::formatTimestamp(createdAtMicros)}};
}

} // namespace wf
