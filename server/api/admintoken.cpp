#include "admintoken.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace wf::api {

AdminToken::AdminToken(QByteArray token)
    : m_expectedDigest(token.isEmpty() ? QByteArray()
                                       : QCryptographicHash::hash(QByteArray("Bearer " + token), QCryptographicHash::Sha256))
{
}

bool AdminToken::admits(const http::HttpRequest &request, const http::Reply &reply) const
{
    if (m_expectedDigest.isEmpty())
        return true;
    // Compare digests: the comparison time does not depend on how much of the token matched.
    if (QCryptographicHash::hash(request.header("authorization"), QCryptographicHash::Sha256) == m_expectedDigest)
        return true;
    reply.send(http::HttpResponse::error({Error::Kind::Unauthorized, u"the admin API needs Authorization: Bearer <token>"_s})
                       .withHeader("WWW-Authenticate", "Bearer"));
    return false;
}

} // namespace wf::api
