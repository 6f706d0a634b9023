#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace wf::stack {

// A libpq password file (https://www.postgresql.org/docs/current/libpq-pgpass.html) holding one
// generated password per role for any host, port and database: `*:*:*:<role>:<password>`.
// Readable by its owner only (libpq ignores a file others can read); a client finds it through
// PGPASSFILE, so the password is in no URL, command line or log.
class PgPassFile
{
public:
    // The role's password from `path`; when there is none, a new random one (256 bits, base64url)
    // is added to the file, which is created 0600 if missing.
    static Result<QByteArray> ensure(const QString &path, const QString &role);
};

} // namespace wf::stack
