#include "cachedanswer.h"

#include "cache/cache.h"

namespace wf::api {

void answerCached(Cache *cache, const QByteArray &key, int ttlSeconds, const http::Reply &reply, JsonLoader load)
{
    auto fromDatabase = [cache, key, ttlSeconds, reply, load] {
        load([cache, key, ttlSeconds, reply](const Result<QByteArray> &json) {
            if (!json.ok())
                return reply.send(http::HttpResponse::error(json.error()));
            if (cache)
                cache->set(key, *json, ttlSeconds);
            reply.send(http::HttpResponse::rawJson(*json).withHeader("X-Cache", cache ? "miss" : "off"));
        });
    };
    if (!cache || !cache->enabled())
        return fromDatabase();
    cache->get(key, [reply, fromDatabase](const std::optional<QByteArray> &cached) {
        if (cached)
            return reply.send(http::HttpResponse::rawJson(*cached).withHeader("X-Cache", "hit"));
        fromDatabase();
    });
}

} // namespace wf::api
