#include "gatekeeper.h"

#include "accesspolicy.h"

#include "auth/keyring.h"
#include "cache/ratelimiter.h"

#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace wf::api {

namespace {

void refuse(const http::Reply &reply, Error::Kind kind, const QString &detail)
{
    http::HttpResponse response = http::HttpResponse::error({kind, detail});
    if (kind == Error::Kind::Unauthorized)
        response.withHeader("WWW-Authenticate", "Bearer");
    else if (kind == Error::Kind::Forbidden)
        response.withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
    reply.send(response);
}

} // namespace

Gatekeeper::Gatekeeper(QObject *context, auth::KeyRing &ring, Mode mode, int refreshWaitMs)
    : m_context(context), m_ring(ring), m_mode(mode), m_refreshWaitMs(refreshWaitMs)
{
}

void Gatekeeper::setRateLimits(RateLimiter *limiter, Limits limits)
{
    m_limiter = limiter;
    m_limits = limits;
}

void Gatekeeper::limit(const QByteArray &subject, const RateLimit &limit, const QString &caller, const http::Reply &reply,
                       const Proceed &proceed)
{
    m_limiter->take(subject, limit, [caller, reply, proceed, limit](qint64 retryAfterMs) {
        if (retryAfterMs <= 0) {
            proceed(caller);
            return;
        }
        const qint64 seconds = qMax<qint64>(1, (retryAfterMs + 999) / 1000);
        reply.send(http::HttpResponse::error({Error::Kind::RateLimited,
                                              u"rate limit of %1 requests per second exceeded; retry in %2 s"_s.arg(limit.perSecond).arg(seconds)})
                           .withHeader("Retry-After", QByteArray::number(seconds)));
    });
}

void Gatekeeper::admit(const http::HttpRequest &request, const http::Reply &reply, Proceed proceed)
{
    if (check(request, reply, false, proceed) != Verdict::Unknown)
        return;
    // Perhaps created on another replica a moment ago: look again once the ring is refreshed.
    // An unknown key waits as long (a refresh period), which also slows guessing down.
    struct Pending
    {
        http::HttpRequest request;
        bool settled = false;
    };
    auto pending = std::make_shared<Pending>(Pending{request});
    m_ring.afterNextRefresh(m_context, [this, pending, reply, proceed] {
        if (std::exchange(pending->settled, true))
            return;
        check(pending->request, reply, true, proceed);
    });
    QTimer::singleShot(m_refreshWaitMs, m_context, [this, pending, reply] {
        if (std::exchange(pending->settled, true))
            return;
        if (!m_ring.loaded())
            refuse(reply, Error::Kind::Unavailable, u"API keys cannot be checked: the database is unavailable"_s);
        else
            refuse(reply, Error::Kind::Unauthorized, u"the API key is not valid (unknown or revoked)"_s);
    });
}

Gatekeeper::Verdict Gatekeeper::check(const http::HttpRequest &request, const http::Reply &reply, bool lastLook,
                                      const Proceed &proceed)
{
    const std::optional<auth::Role> needed = AccessPolicy::requiredRole(request.path);
    if (!needed) {
        proceed({});
        return Verdict::Admitted;
    }
    const QByteArray authorization = request.header("authorization");
    if (authorization.isEmpty()) {
        if (*needed == auth::Role::Client && m_mode == Mode::Open) {
            if (limits(m_limits.address))
                limit("addr:" + request.clientAddress().toLatin1(), m_limits.address, {}, reply, proceed);
            else
                proceed({});
            return Verdict::Admitted;
        }
        refuse(reply, Error::Kind::Unauthorized,
               *needed == auth::Role::Operator ? u"this route needs an operator key: Authorization: Bearer <key>"_s
                                               : u"this route needs an API key: Authorization: Bearer <key>"_s);
        return Verdict::Refused;
    }
    constexpr QByteArrayView scheme("bearer ");
    const QByteArrayView header(authorization);
    if (header.size() <= scheme.size() || header.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0) {
        refuse(reply, Error::Kind::Unauthorized, u"the Authorization header must be \"Bearer <key>\""_s);
        return Verdict::Refused;
    }
    const std::optional<auth::Principal> principal = m_ring.verify(header.sliced(scheme.size()).trimmed());
    if (!principal) {
        if (!lastLook)
            return Verdict::Unknown;
        refuse(reply, Error::Kind::Unauthorized, u"the API key is not valid (unknown or revoked)"_s);
        return Verdict::Refused;
    }
    if (!auth::grants(principal->role, *needed)) {
        refuse(reply, Error::Kind::Forbidden,
               u"this route needs an operator key; key %1 (\"%2\") is a %3 key"_s.arg(principal->keyId, principal->name,
                                                                                      auth::roleName(principal->role)));
        return Verdict::Refused;
    }
    const QString caller = u"key:"_s + principal->keyId;
    const RateLimit &rate = principal->role == auth::Role::Operator ? m_limits.operatorKey : m_limits.client;
    if (limits(rate))
        limit(caller.toLatin1(), rate, caller, reply, proceed);
    else
        proceed(caller);
    return Verdict::Admitted;
}

} // namespace wf::api
