#pragma once

#include "http/router.h"

#include <QObject>

namespace wf {
class KeyStore;
namespace auth {
class KeyRing;
}
}

namespace wf::api {

// /api/v1/admin/keys: API keys, operator keys only.
//   POST   /api/v1/admin/keys         {"name": "ci", "role": "client"|"operator"} → 201, the key's
//                                     secret in "key", shown this once
//   GET    /api/v1/admin/keys         every key without its secret, revoked ones included
//   DELETE /api/v1/admin/keys/{id}    revokes it: refused by every replica within a second
// The process's own ring learns a new key, and forgets a revoked one, at once.
class KeyController
{
public:
    KeyController(QObject *context, KeyStore &keys, auth::KeyRing &ring);
    void registerRoutes(http::Router &router);

private:
    void create(const http::HttpRequest &request, const http::Reply &reply);
    void list(const http::Reply &reply);
    void revoke(const QString &id, const http::Reply &reply);

    QObject *m_context;
    KeyStore &m_keys;
    auth::KeyRing &m_ring;
};

} // namespace wf::api
