#include "scalingstore.h"

#include "db/database.h"
#include "db/dbconnection.h"

using namespace Qt::StringLiterals;

namespace wf {

namespace {

#define WF_SCALING_COLUMNS \
    "component, desired, actual, min_replicas, max_replicas, (extract(epoch FROM updated_at) * 1000000)::int8, updated_by"

ScalingTarget targetAt(const db::DbResult &result, int row)
{
    ScalingTarget target;
    target.component = result.text(row, 0);
    target.desired = result.int32(row, 1);
    target.actual = result.int32(row, 2);
    target.min = result.int32(row, 3);
    target.max = result.int32(row, 4);
    target.updatedAtMicros = result.int64(row, 5);
    target.updatedBy = result.text(row, 6);
    return target;
}

} // namespace

ScalingStore::ScalingStore(db::Database &database) : m_database(database) { }

void ScalingStore::list(QObject *context, Callback<QList<ScalingTarget>> done)
{
    m_database.read(
            context,
            [](db::DbConnection &connection) {
                const db::DbResult result =
                        connection.exec("SELECT " WF_SCALING_COLUMNS " FROM scaling_targets ORDER BY component");
                QList<ScalingTarget> targets;
                for (int row = 0; row < result.rows(); ++row)
                    targets.append(targetAt(result, row));
                return targets;
            },
            std::move(done));
}

void ScalingStore::setDesired(QObject *context, const QString &component, int replicas, const QString &source,
                              const QString &reason, Callback<ScalingTarget> done)
{
    m_database.write(
            context,
            [component, replicas, source, reason](db::DbConnection &connection) -> Result<ScalingTarget> {
                const db::DbResult current = connection.exec(
                        "SELECT " WF_SCALING_COLUMNS " FROM scaling_targets WHERE component = $1 FOR UPDATE", {component});
                if (current.rows() == 0)
                    return Error::notFound(u"unknown component \"%1\"; known: server, worker"_s.arg(component.left(40)));
                const ScalingTarget before = targetAt(current, 0);
                if (replicas < before.min || replicas > before.max)
                    return Error::invalid(u"replicas for %1 must be between %2 and %3, got %4"_s.arg(component)
                                                  .arg(before.min)
                                                  .arg(before.max)
                                                  .arg(replicas));
                const db::DbResult updated = connection.exec(
                        "WITH target AS (UPDATE scaling_targets SET desired = $2, updated_at = clock_timestamp(), updated_by = $3"
                        "                WHERE component = $1 RETURNING *),"
                        " event AS (INSERT INTO scaling_events (component, from_replicas, to_replicas, source, reason)"
                        "           SELECT component, $4, desired, $3, $5 FROM target)"
                        " SELECT " WF_SCALING_COLUMNS " FROM target",
                        {component, replicas, source, before.desired, reason});
                return targetAt(updated, 0);
            },
            std::move(done));
}

void ScalingStore::define(QObject *context, const ScalingTarget &target, const QString &source, Callback<ScalingTarget> done)
{
    m_database.write(
            context,
            [target, source](db::DbConnection &connection) {
                const db::DbResult result = connection.exec(
                        "WITH target AS (INSERT INTO scaling_targets (component, desired, actual, min_replicas, max_replicas, updated_by)"
                        "                VALUES ($1, $2, 0, $3, $4, $5)"
                        "                ON CONFLICT (component) DO UPDATE SET desired = EXCLUDED.desired, actual = 0,"
                        "                    min_replicas = EXCLUDED.min_replicas, max_replicas = EXCLUDED.max_replicas,"
                        "                    updated_at = clock_timestamp(), updated_by = EXCLUDED.updated_by RETURNING *),"
                        " event AS (INSERT INTO scaling_events (component, to_replicas, source, reason)"
                        "           SELECT component, desired, $5, 'start' FROM target)"
                        " SELECT " WF_SCALING_COLUMNS " FROM target",
                        {target.component, target.desired, target.min, target.max, source});
                return targetAt(result, 0);
            },
            std::move(done));
}

void ScalingStore::ensure(QObject *context, const ScalingTarget &target, const QString &source, Callback<Done> done)
{
    m_database.write(
            context,
            [target, source](db::DbConnection &connection) {
                connection.exec("INSERT INTO scaling_targets (component, desired, actual, min_replicas, max_replicas, updated_by)"
                                " VALUES ($1, $2, 0, $3, $4, $5) ON CONFLICT (component) DO NOTHING",
                                {target.component, target.desired, target.min, target.max, source});
                return Done{};
            },
            std::move(done));
}

void ScalingStore::reportActual(QObject *context, const QString &component, int actual, Callback<Done> done)
{
    m_database.write(
            context,
            [component, actual](db::DbConnection &connection) {
                connection.exec("UPDATE scaling_targets SET actual = $2 WHERE component = $1 AND actual <> $2", {component, actual});
                return Done{};
            },
            std::move(done));
}

} // namespace wf
