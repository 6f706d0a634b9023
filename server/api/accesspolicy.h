#pragma once

#include "auth/role.h"

#include <QString>

#include <optional>

namespace wf::api {

// Which routes need which key, by path (its segments, as the Router matches them), so that no
// route can be added without an answer:
// "/", /health…, /openapi.json, /docs and /metrics need none (probes, scrapers); /api/v1/admin/…
// needs an operator key; everything else (workflows, trigger, runs, and unknown paths) a client
// key, unless the server runs with WF_AUTH=open.
class AccessPolicy
{
public:
    // nullopt: public.
    static std::optional<auth::Role> requiredRole(const QString &path);
};

} // namespace wf::api
