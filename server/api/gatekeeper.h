#pragma once

#include "cache/ratelimit.h"
#include "http/httprequest.h"
#include "http/reply.h"

#include <functional>

class QObject;

namespace wf {
class RateLimiter;
namespace auth {
class KeyRing;
}
}

namespace wf::api {

// The admission of every request (ApiServer::Options::admission): the key a route needs
// (AccessPolicy), checked against the process's KeyRing. Missing or unknown key → 401, a client
// key on an operator route → 403, both {"detail"} with WWW-Authenticate. A key the ring does not
// know yet (created on another replica since the last refresh) gets one more look after the next
// refresh before it is refused; with no refresh within a bound (database down) the answer is a
// 401, or a 503 while the keys were never loaded at all. Admitted requests then take a token of
// their key's bucket (or, without a key, their address's): none left → 429 with Retry-After.
class Gatekeeper
{
public:
    enum class Mode { Open, Required };
    using Proceed = std::function<void(const QString &caller)>;
    struct Limits
    {
        RateLimit client;
        RateLimit operatorKey;
        RateLimit address; // requests without a key
    };

    Gatekeeper(QObject *context, auth::KeyRing &ring, Mode mode, int refreshWaitMs = 2000);
    // Rate limits through `limiter` (null, the default: none).
    void setRateLimits(RateLimiter *limiter, Limits limits);

    void admit(const http::HttpRequest &request, const http::Reply &reply, Proceed proceed);

private:
    enum class Verdict { Admitted, Refused, Unknown };
    Verdict check(const http::HttpRequest &request, const http::Reply &reply, bool lastLook, const Proceed &proceed);
    bool limits(const RateLimit &rate) const { return m_limiter && rate.limited(); }
    // Takes the token of `subject` under `limit` (one that limits()), then proceeds as `caller`,
    // or answers 429.
    void limit(const QByteArray &subject, const RateLimit &limit, const QString &caller, const http::Reply &reply,
               const Proceed &proceed);

    QObject *m_context;
    auth::KeyRing &m_ring;
    Mode m_mode;
    int m_refreshWaitMs;
    RateLimiter *m_limiter = nullptr;
    Limits m_limits;
};

} // namespace wf::api
