#include "apikey.h"

#include "core/json.h"

using namespace Qt::StringLiterals;

namespace wf {

QJsonObject ApiKey::toJson() const
{
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"role"_s, auth::roleName(role)},
            {u"prefix"_s, QString(u"wf_"_s + id + u"_"_s)},
            {u"created_by"_s, createdBy},
            {u"created_at"_s, json::formatTimestamp(createdAtMicros)},
            {u"revoked_at"_s, revokedAtMicros ? QJsonValue(json::formatTimestamp(revokedAtMicros)) : QJsonValue()}};
}

} // namespace wf
