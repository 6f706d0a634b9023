#include "accesspolicy.h"

#include "http/router.h"

using namespace Qt::StringLiterals;

namespace wf::api {

std::optional<auth::Role> AccessPolicy::requiredRole(const QString &path)
{
    // By the segments the router matches, not the text: "/api/v1//admin/keys" reaches the admin
    // route, so it is an admin path.
    const QStringList segments = http::Router::segments(path);
    if (segments.isEmpty() || segments.first() == u"health"_s)
        return std::nullopt;
    if (segments.size() == 1
        && (segments.first() == u"openapi.json"_s || segments.first() == u"docs"_s || segments.first() == u"metrics"_s))
        return std::nullopt;
    if (segments.size() >= 3 && segments.at(0) == u"api"_s && segments.at(1) == u"v1"_s && segments.at(2) == u"admin"_s)
        return auth::Role::Operator;
    return auth::Role::Client;
}

} // namespace wf::api
