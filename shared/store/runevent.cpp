#include "runevent.h"

#include "core/json.h"

using namespace Qt::StringLiterals;

namespace wf {

QJsonObject RunEvent::toJson() const
{
    return {{u"at"_s, json::formatTimestamp(atMicros)},
            {u"kind"_s, kind},
            {u"instance"_s, instance.isEmpty() ? QJsonValue() : QJsonValue(instance)},
            {u"trace_id"_s, traceId.isEmpty() ? QJsonValue() : QJsonValue(traceId)},
            {u"detail"_s, detail}};
}

QString RunEvent::traceIdOf(const QByteArray &traceparent)
{
    const QList<QByteArray> parts = traceparent.split('-');
    if (parts.size() < 4 || parts.at(1).size() != 32)
        return {};
    return QString::fromLatin1(parts.at(1));
}

} // namespace wf
