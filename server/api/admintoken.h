#pragma once

#include "http/httprequest.h"
#include "http/reply.h"

#include <QByteArray>

namespace wf::api {

// The bearer token the admin API asks for (WF_ADMIN_TOKEN); empty: the admin API is open.
class AdminToken
{
public:
    explicit AdminToken(QByteArray token);

    // True when `request` may use the admin API; otherwise answers 401 on `reply`.
    bool admits(const http::HttpRequest &request, const http::Reply &reply) const;

private:
    QByteArray m_expectedDigest; // SHA-256 of "Bearer <token>"; empty when open
};

} // namespace wf::api
