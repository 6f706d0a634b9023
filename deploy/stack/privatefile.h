#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace wf::stack {

// A file only its owner may read: secrets the stack writes (the operator key, the database
// password).
class PrivateFile
{
public:
    // Replaces `path` atomically with `content`, mode 0600 from the moment it exists, so there is
    // no instant at which another account could read the secret.
    static Status write(const QString &path, const QByteArray &content);
};

} // namespace wf::stack
