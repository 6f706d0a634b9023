#pragma once

#include <QString>

namespace wf {

// A domain failure: what went wrong, in words a client can act on. Domain code returns these;
// only the HTTP layer knows which status code each kind becomes (server/http/errormapping.cpp).
class Error
{
public:
    enum class Kind {
        Invalid,          // the request is malformed or breaks a rule
        Unauthorized,     // credentials missing or wrong
        Forbidden,        // credentials right, but not allowed to do this
        NotFound,         // the thing named does not exist
        Conflict,         // the request contradicts the current state
        TooLarge,         // the request body exceeds the configured limit
        UnsupportedMedia, // the body is not JSON
        MethodNotAllowed, // the path exists, the method does not
        RateLimited,      // the client must slow down
        Unavailable,      // a dependency (database, broker) cannot be reached
        Internal,         // a bug: logged, reported without details
    };

    Error(Kind kind, QString detail) : m_kind(kind), m_detail(std::move(detail)) { }

    static Error invalid(QString detail) { return {Kind::Invalid, std::move(detail)}; }
    static Error notFound(QString detail) { return {Kind::NotFound, std::move(detail)}; }
    static Error conflict(QString detail) { return {Kind::Conflict, std::move(detail)}; }
    static Error unavailable(QString detail) { return {Kind::Unavailable, std::move(detail)}; }
    static Error internal(QString detail) { return {Kind::Internal, std::move(detail)}; }

    Kind kind() const { return m_kind; }
    const QString &detail() const { return m_detail; }

private:
    Kind m_kind;
    QString m_detail;
};

} // namespace wf
