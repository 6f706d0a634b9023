#pragma once

#include "core/result.h"

#include <QList>
#include <QString>

namespace wf::db {

class DbConnection;

// Applies the numbered, forward-only migrations of sql/ (compiled into the binary) that the
// database has not seen yet. All of them run in one transaction holding an advisory
// transaction lock, so replicas starting together apply each migration exactly once; a
// transaction-level lock is also the only kind that works through PgBouncer's transaction pooling.
class Migrator
{
public:
    struct Migration
    {
        int version;
        QString name;
        QByteArray sql;
    };

    // The migrations compiled into this binary, ordered by version.
    static QList<Migration> bundled();

    // Returns the versions it applied (empty when the schema was current). Blocking: call it at
    // start-up, before serving.
    static Result<QList<int>> migrate(DbConnection &connection);
    // Connects (waiting up to `waitSeconds` for the database to accept connections), then migrates.
    static Result<QList<int>> migrateWhenReady(const QString &databaseUrl, int waitSeconds);
};

} // namespace wf::db
