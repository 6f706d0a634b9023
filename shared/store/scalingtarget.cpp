#include "scalingtarget.h"

#include "core/json.h"

using namespace Qt::StringLiterals;

namespace wf {

QJsonObject ScalingTarget::toJson() const
{
    return {{u"desired"_s, desired},
            {u"actual"_s, actual},
            {u"min"_s, min},
            {u"max"_s, max},
            {u"autoscale"_s, autoscale},
            {u"updated_at"_s, json::formatTimestamp(updatedAtMicros)},
            {u"updated_by"_s, updatedBy.isEmpty() ? QJsonValue() : QJsonValue(updatedBy)}};
}

} // namespace wf
