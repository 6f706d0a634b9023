#pragma once

#include "core/result.h"

#include <QString>

namespace wf::stack {

// The local stack's operator key: created on the first start and kept, readable only by the
// stack's owner, in <state>/operator.token, so that the admin API (and the console) work without
// configuration while nobody else on the machine can use them. Kept across restarts while the
// key is valid; a revoked or unknown one is replaced.
class OperatorKeyFile
{
public:
    static QString path(const QString &stateDir);
    // Makes sure `path` holds a valid operator key of the database at `databaseUrl`.
    static Status ensure(const QString &databaseUrl, const QString &path);
};

} // namespace wf::stack
