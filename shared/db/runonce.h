#pragma once

#include "databaseurl.h"
#include "dberror.h"
#include "dbconnection.h"

#include "core/result.h"

#include <QString>

#include <functional>

namespace wf::db {

// Work on a connection of its own, in one transaction, for command-line tools and start-up steps
// that run without the pool (wf-server keys, wf-stack's key file): opens, runs, commits, closes.
// A database failure comes back as an Unavailable wf::Error.
template<typename T>
Result<T> runOnce(const QString &databaseUrl, const std::function<Result<T>(DbConnection &)> &work)
{
    const auto url = DatabaseUrl::parse(databaseUrl);
    if (!url)
        return url.error();
    DbConnection connection(*url, QStringLiteral("wf-once"));
    try {
        connection.ensureOpen();
        connection.begin();
        Result<T> result = work(connection);
        if (result.ok())
            connection.commit();
        else
            connection.rollback();
        return result;
    } catch (const DbError &error) {
        connection.rollback();
        return Error::unavailable(error.message());
    }
}

} // namespace wf::db
