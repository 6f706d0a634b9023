#include "scalingstore.h"

#include "db/database.h"
#include "db/dbconnection.h"
#include "db/sqlparam.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

#define WF_SCALING_COLUMNS \
    "component, desired, actual, min_replicas, max_replicas, (extract(epoch FROM updated_at) * 1000000)::int8, updated_by," \
    " autoscale"
#define WF_SCALING_EVENT_COLUMNS \
    "id, component, from_replicas, to_replicas, source, reason, rule, inputs, acted," \
    " (extract(epoch FROM created_at) * 1000000)::int8"

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
    target.autoscale = result.boolean(row, 7);
    return target;
}

ScalingEvent eventAt(const db::DbResult &result, int row)
{
    ScalingEvent event;
    event.id = result.int64(row, 0);
    event.component = result.text(row, 1);
    event.from = result.isNull(row, 2) ? -1 : result.int32(row, 2);
    event.to = result.int32(row, 3);
    event.source = result.text(row, 4);
    event.reason = result.text(row, 5);
    event.rule = result.text(row, 6);
    event.inputs = result.json(row, 7).toObject();
    event.acted = result.boolean(row, 8);
    event.createdAtMicros = result.int64(row, 9);
    return event;
}

QString describe(const ScalingTarget &before, const ScalingTarget &after)
{
    QStringList parts;
    if (before.autoscale != after.autoscale)
        parts.append(after.autoscale ? u"autoscale on"_s : u"autoscale off"_s);
    if (before.min != after.min || before.max != after.max)
        parts.append(u"bounds %1..%2"_s.arg(after.min).arg(after.max));
    return parts.join(u", "_s);
}

Result<ScalingTarget> applyChange(db::DbConnection &connection, const QString &component, const ScalingChange &change)
{
    const db::DbResult current =
            connection.exec("SELECT " WF_SCALING_COLUMNS " FROM scaling_targets WHERE component = $1 FOR UPDATE", {component});
    if (current.rows() == 0)
        return Error::notFound(u"unknown component \"%1\"; known: server, worker"_s.arg(component.left(40)));
    const ScalingTarget before = targetAt(current, 0);
    if (change.expectedDesired && (!before.autoscale || before.desired != *change.expectedDesired))
        return Error::conflict(u"%1 changed meanwhile (desired %2, autoscale %3)"_s.arg(component)
                                       .arg(before.desired)
                                       .arg(before.autoscale ? u"on"_s : u"off"_s));
    ScalingTarget after = before;
    after.min = change.min.value_or(before.min);
    after.max = change.max.value_or(before.max);
    after.autoscale = change.autoscale.value_or(before.autoscale);
    if (after.min < 0 || after.max > ScalingStore::MaxReplicas || after.min > after.max)
        return Error::invalid(u"bounds for %1 must satisfy 0 <= min <= max <= %2, got min %3, max %4"_s.arg(component)
                                      .arg(ScalingStore::MaxReplicas)
                                      .arg(after.min)
                                      .arg(after.max));
    if (change.replicas) {
        if (*change.replicas < after.min || *change.replicas > after.max)
            return Error::invalid(u"replicas for %1 must be between %2 and %3, got %4"_s.arg(component)
                                          .arg(after.min)
                                          .arg(after.max)
                                          .arg(*change.replicas));
        after.desired = *change.replicas;
    } else {
        after.desired = qBound(after.min, before.desired, after.max);
    }
    const bool desiredChanged = after.desired != before.desired;
    if (!desiredChanged && after.min == before.min && after.max == before.max && after.autoscale == before.autoscale)
        return before;
    QString reason = change.reason;
    const QString settings = describe(before, after);
    if (!settings.isEmpty())
        reason = reason.isEmpty() ? settings : settings + u"; "_s + reason;
    const db::DbResult updated = connection.exec(
            "WITH target AS (UPDATE scaling_targets SET desired = $2, min_replicas = $3, max_replicas = $4, autoscale = $5,"
            "                    updated_at = CASE WHEN $6 THEN clock_timestamp() ELSE updated_at END,"
            "                    updated_by = CASE WHEN $6 THEN $7 ELSE updated_by END"
            "                WHERE component = $1 RETURNING *),"
            " event AS (INSERT INTO scaling_events (component, from_replicas, to_replicas, source, reason, rule, inputs)"
            "           SELECT component, $8, desired, $7, nullif($9, ''), nullif($10, ''), $11::jsonb FROM target)"
            " SELECT " WF_SCALING_COLUMNS " FROM target",
            {component, after.desired, after.min, after.max, after.autoscale, desiredChanged, change.source, before.desired,
             reason, change.rule, change.inputs.isEmpty() ? db::SqlParam(std::nullopt) : db::SqlParam(change.inputs)});
    return targetAt(updated, 0);
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

void ScalingStore::change(QObject *context, const QString &component, const ScalingChange &change,
                          Callback<ScalingTarget> done)
{
    m_database.write(
            context, [component, change](db::DbConnection &connection) { return applyChange(connection, component, change); },
            std::move(done));
}

void ScalingStore::setDesired(QObject *context, const QString &component, int replicas, const QString &source,
                              const QString &reason, Callback<ScalingTarget> done)
{
    ScalingChange desired;
    desired.replicas = replicas;
    desired.source = source;
    desired.reason = reason;
    change(context, component, desired, std::move(done));
}

void ScalingStore::recordDecision(QObject *context, const ScalingEvent &decision, Callback<Done> done)
{
    m_database.write(
            context,
            [decision](db::DbConnection &connection) {
                connection.exec("INSERT INTO scaling_events (component, from_replicas, to_replicas, source, reason, rule, inputs, acted)"
                                " VALUES ($1, $2, $3, $4, nullif($5, ''), nullif($6, ''), $7::jsonb, $8)",
                                {decision.component, decision.from, decision.to, decision.source, decision.reason,
                                 decision.rule, decision.inputs, decision.acted});
                return Done{};
            },
            std::move(done));
}

void ScalingStore::events(QObject *context, const QString &component, int limit, Callback<QList<ScalingEvent>> done)
{
    m_database.read(
            context,
            [component, limit](db::DbConnection &connection) {
                const db::DbResult result = connection.exec(
                        "SELECT " WF_SCALING_EVENT_COLUMNS " FROM scaling_events"
                        " WHERE ($1 = '' OR component = $1) ORDER BY id DESC LIMIT $2",
                        {component, limit});
                QList<ScalingEvent> events;
                for (int row = 0; row < result.rows(); ++row)
                    events.append(eventAt(result, row));
                return events;
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
