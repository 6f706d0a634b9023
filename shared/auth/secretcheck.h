#pragma once

#include "core/result.h"

#include <QString>

namespace wf::auth {

// What a server refuses to start with: a bootstrap operator key that is a placeholder
// ("CHANGE_ME") or shorter than 32 characters, and, with keys required, no bootstrap key or a
// placeholder password in the database or Redis URL (a manifest applied before its secret was
// filled in).
struct SecretCheck
{
    bool authRequired = true;
    QString adminToken;
    QString databaseUrl;
    QString redisUrl;

    static constexpr int MinTokenLength = 32;
    static bool isPlaceholder(const QString &value);
    Status verify() const;
};

} // namespace wf::auth
