#pragma once

#include "core/result.h"

#include <QString>

namespace wf::db {

// The parts of a postgresql://user:password@host:port/database?options URL.
struct DatabaseUrl
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QString options; // libpq keyword=value pairs separated by ';' as QPSQL expects

    static Result<DatabaseUrl> parse(const QString &url);
    // The URL again, password masked, for logs and status output.
    QString display() const;
};

} // namespace wf::db
