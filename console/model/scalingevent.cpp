#include "scalingevent.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wf::console {

QList<ScalingEvent> ScalingEvent::listFromJson(const QJsonObject &answer)
{
    QList<ScalingEvent> events;
    for (const QJsonValue &entry : answer.value(u"items"_s).toArray()) {
        const QJsonObject item = entry.toObject();
        ScalingEvent event;
        event.id = item.value(u"id"_s).toInteger();
        event.at = QDateTime::fromString(item.value(u"created_at"_s).toString(), Qt::ISODateWithMs);
        event.component = item.value(u"component"_s).toString();
        event.source = item.value(u"source"_s).toString();
        event.rule = item.value(u"rule"_s).toString();
        event.from = item.value(u"from"_s).toInt(-1);
        event.to = item.value(u"to"_s).toInt(-1);
        event.acted = item.value(u"acted"_s).toBool(true);
        event.reason = item.value(u"reason"_s).toString();
        event.inputs = item.value(u"inputs"_s).toObject();
        events.append(event);
    }
    return events;
}

} // namespace wf::console
