#pragma once

#include "core/result.h"

#include <QString>

namespace wf {

// The parts of a redis://[user][:password@]host:port/database URL.
struct RedisUrl
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 6379;
    int database = 0;
    QString user;     // Redis 6 ACL user; empty = AUTH with the password alone
    QString password; // empty = no AUTH

    static Result<RedisUrl> parse(const QString &url);
    // The URL again, password masked, for logs.
    QString display() const;
};

} // namespace wf
