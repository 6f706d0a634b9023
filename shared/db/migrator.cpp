#include "migrator.h"

#include "dbconnection.h"
#include "dberror.h"

#include "core/logging.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QThread>

using namespace Qt::StringLiterals;

namespace wf::db {

namespace {

// Any constant works as long as every process uses the same one.
constexpr qint64 kMigrationLock = 0x77665f6d6967; // "wf_mig"

} // namespace

QList<Migrator::Migration> Migrator::bundled()
{
    static const QRegularExpression pattern(u"^(\\d+)_([a-z0-9_]+)\\.sql$"_s);
    QList<Migration> migrations;
    const QDir dir(u":/sql"_s);
    const QStringList files = dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        migrations.append({match.captured(1).toInt(), match.captured(2), f.readAll()});
    }
    std::sort(migrations.begin(), migrations.end(),
              [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return migrations;
}

Result<QList<int>> Migrator::migrate(DbConnection &connection)
{
    const QList<Migration> migrations = bundled();
    if (migrations.isEmpty())
        return Error::internal(u"no migrations compiled into this binary"_s);
    QList<int> applied;
    try {
        connection.begin();
        connection.exec("SELECT pg_advisory_xact_lock($1)", {kMigrationLock});
        connection.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                        " version integer PRIMARY KEY,"
                        " name text NOT NULL,"
                        " applied_at timestamptz NOT NULL DEFAULT clock_timestamp())");
        const DbResult done = connection.exec("SELECT version FROM schema_migrations");
        QSet<int> present;
        for (int row = 0; row < done.rows(); ++row)
            present.insert(done.int32(row, 0));
        for (const Migration &migration : migrations) {
            if (present.contains(migration.version))
                continue;
            qCInfo(lcDb) << "applying migration" << migration.version << migration.name;
            connection.execScript(migration.sql);
            connection.exec("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                            {migration.version, migration.name});
            applied.append(migration.version);
        }
        connection.commit();
    } catch (const DbError &error) {
        connection.rollback();
        return Error::unavailable(u"migration failed: "_s + error.message());
    }
    return applied;
}

Result<QList<int>> Migrator::migrateWhenReady(const QString &databaseUrl, int waitSeconds)
{
    const auto url = DatabaseUrl::parse(databaseUrl);
    if (!url)
        return url.error();
    DbConnection connection(*url, u"wf-migrate"_s);
    const QDeadlineTimer deadline(qint64(waitSeconds) * 1000);
    for (int attempt = 1;; ++attempt) {
        try {
            connection.ensureOpen();
            break;
        } catch (const DbError &error) {
            if (deadline.hasExpired())
                return Error::unavailable(error.message());
            if (attempt == 1)
                qCInfo(lcDb) << "waiting for the database:" << error.message();
            QThread::msleep(250);
        }
    }
    return migrate(connection);
}

} // namespace wf::db
