#pragma once

#include "core/result.h"

#include <QString>

namespace wf::stack {

// A folder that a service run under its own account must enter: PostgreSQL's data and PgBouncer's
// configuration (user postgres), nginx's buffers (user www-data). The stack's state directory is
// its owner's alone (0700), so a stack run by root keeps these below a parent that account can
// reach, one folder per state folder; a stack run by an ordinary user runs every service as
// itself and keeps them in its state directory.
class ServiceDir
{
public:
    // `preferred` (a folder in the state directory) for a stack not run by root; else
    // <parent>/wf-platform-<hash of preferred>.
    static QString locate(const QString &preferred, const QString &parent);
    // locate(), and a folder an earlier version left at `preferred` is moved there; when it
    // cannot be moved it stays (and insideStateDir() says so).
    static QString place(const QString &preferred, const QString &parent);
    // Whether `path` lies in `stateDir` (which then must stay enterable by other accounts).
    static bool insideStateDir(const QString &path, const QString &stateDir);
    // Creates `path` (0700) and, when run by root, hands it to `account`.
    static Status prepare(const QString &path, const QString &account);
    // Writes `content` to `path` (0600) and, when run by root, hands the file to `account`.
    static Status writeFile(const QString &path, const QByteArray &content, const QString &account);
    // The home folder of `account` (its passwd entry), or `fallback`.
    static QString home(const QString &account, const QString &fallback);
};

} // namespace wf::stack
