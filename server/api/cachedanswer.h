#pragma once

#include "http/reply.h"

#include "core/result.h"

#include <QByteArray>

#include <functional>

namespace wf {
class Cache;
}

namespace wf::api {

// Read-through caching of a JSON answer: from Redis when it has it (X-Cache: hit), else `load`
// produces it, the client gets it and Redis keeps it for `ttlSeconds` (X-Cache: miss). Errors are
// never cached. Without a cache (null) it simply loads.
using JsonLoader = std::function<void(std::function<void(Result<QByteArray>)> loaded)>;
void answerCached(Cache *cache, const QByteArray &key, int ttlSeconds, const http::Reply &reply, JsonLoader load);

} // namespace wf::api
