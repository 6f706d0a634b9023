#include "accesspolicy.h"

using namespace Qt::StringLiterals;

namespace wf::api {

namespace {

bool isUnder(const QString &path, const QString &prefix)
{
    return path == prefix || (path.startsWith(prefix) && path.at(prefix.size()) == u'/');
}

} // namespace

std::optional<auth::Role> AccessPolicy::requiredRole(const QString &path)
{
    if (path == u"/"_s || isUnder(path, u"/health"_s) || path == u"/openapi.json"_s || path == u"/docs"_s
        || path == u"/metrics"_s)
        return std::nullopt;
    if (isUnder(path, u"/api/v1/admin"_s))
        return auth::Role::Operator;
    return auth::Role::Client;
}

} // namespace wf::api
