#include "executionstore.h"

#include "db/database.h"
#include "core/json.h"
#include "db/dbconnection.h"
#include "outbox/outboxsql.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace wf {

ExecutionStore::ExecutionStore(db::Database &database, QString owner, int leaseSeconds)
    : m_database(database), m_owner(std::move(owner)), m_leaseSeconds(leaseSeconds)
{
}

void ExecutionStore::claim(QObject *context, const QStringList &runIds, Callback<ClaimOutcome> done)
{
    m_database.write(
            context,
            [runIds, owner = m_owner, lease = m_leaseSeconds](db::DbConnection &connection) {
                const db::DbResult claimed = connection.exec(
                        "WITH claim AS (UPDATE workflow_runs SET status = 'running', lease_owner = $2,"
                        "               lease_expires_at = clock_timestamp() + make_interval(secs => $3),"
                        "               execution_attempts = execution_attempts + 1, updated_at = clock_timestamp()"
                        "               WHERE uuid = ANY($1::varchar[]) AND (status = 'pending'"
                        "                     OR (status = 'running' AND lease_expires_at < clock_timestamp()))"
                        "               RETURNING uuid, workflow_id, workflow_version, payload, step_results, traceparent,"
                        "                         execution_attempts)"
                        " SELECT c.uuid, c.workflow_id, c.workflow_version, c.payload, c.step_results, c.traceparent,"
                        "        c.execution_attempts, v.steps"
                        " FROM claim c LEFT JOIN workflow_versions v"
                        "   ON v.workflow_uuid = c.workflow_id AND v.version = c.workflow_version",
                        {db::SqlParam::textArray(runIds), owner, lease});
                ClaimOutcome outcome;
                QSet<QString> seen;
                for (int row = 0; row < claimed.rows(); ++row) {
                    ClaimedRun run;
                    run.runId = claimed.text(row, 0);
                    run.workflowId = claimed.text(row, 1);
                    run.workflowVersion = claimed.int32(row, 2);
                    run.payload = claimed.json(row, 3).toObject();
                    run.stepResults = claimed.json(row, 4).toObject();
                    run.traceparent = claimed.bytes(row, 5);
                    run.executionAttempt = claimed.int32(row, 6);
                    run.steps = claimed.json(row, 7).toArray();
                    seen.insert(run.runId);
                    outcome.claimed.append(run);
                }
                QStringList others;
                for (const QString &id : runIds) {
                    if (!seen.contains(id))
                        others.append(id);
                }
                if (!others.isEmpty()) {
                    const db::DbResult existing = connection.exec(
                            "SELECT uuid FROM workflow_runs WHERE uuid = ANY($1::varchar[])", {db::SqlParam::textArray(others)});
                    QSet<QString> present;
                    for (int row = 0; row < existing.rows(); ++row)
                        present.insert(existing.text(row, 0));
                    for (const QString &id : std::as_const(others))
                        (present.contains(id) ? outcome.skipped : outcome.missing).append(id);
                }
                return outcome;
            },
            std::move(done));
}

void ExecutionStore::saveSteps(QObject *context, const QString &runId, const QJsonObject &results, Callback<bool> done)
{
    m_database.write(
            context,
            [runId, results, owner = m_owner, lease = m_leaseSeconds](db::DbConnection &connection) {
                return connection
                               .exec("UPDATE workflow_runs SET step_results = step_results || $2::jsonb,"
                                     " lease_expires_at = clock_timestamp() + make_interval(secs => $4),"
                                     " updated_at = clock_timestamp()"
                                     " WHERE uuid = $1 AND status = 'running' AND lease_owner = $3",
                                     {runId, results, owner, lease})
                               .affected()
                        == 1;
            },
            std::move(done));
}

void ExecutionStore::markStepRunning(QObject *context, const QString &runId, const QString &stepName,
                                     const QJsonObject &result, Callback<bool> done)
{
    m_database.write(
            context,
            [runId, stepName, result, owner = m_owner](db::DbConnection &connection) {
                return connection
                               .exec("UPDATE workflow_runs SET step_results = jsonb_set(step_results, ARRAY[$2::text], $3::jsonb),"
                                     " updated_at = clock_timestamp()"
                                     " WHERE uuid = $1 AND status = 'running' AND lease_owner = $4"
                                     " AND coalesce(step_results -> $2 ->> 'status', '') NOT IN ('success', 'failed', 'skipped')",
                                     {runId, stepName, result, owner})
                               .affected()
                        == 1;
            },
            std::move(done));
}

void ExecutionStore::saveCancelledSteps(QObject *context, const QString &runId, const QJsonObject &results,
                                        Callback<bool> done)
{
    m_database.write(
            context,
            [runId, results, owner = m_owner](db::DbConnection &connection) {
                return connection
                               .exec("UPDATE workflow_runs SET step_results = step_results || $2::jsonb, lease_owner = NULL,"
                                     " lease_expires_at = NULL, updated_at = clock_timestamp()"
                                     " WHERE uuid = $1 AND status = 'cancelled' AND lease_owner = $3",
                                     {runId, results, owner})
                               .affected()
                        == 1;
            },
            std::move(done));
}

void ExecutionStore::finish(QObject *context, const QList<RunEnd> &ends, Callback<QList<OutboxMessage>> done)
{
    QStringList runIds;
    QStringList statuses;
    QStringList errors;
    QStringList results;
    for (const RunEnd &end : ends) {
        runIds.append(end.runId);
        statuses.append(end.status);
        errors.append(end.error.value_or(QString()));
        results.append(QString::fromUtf8(json::serialize(end.stepResults)));
    }
    m_database.write(
            context,
            [runIds = db::SqlParam::textArray(runIds), statuses = db::SqlParam::textArray(statuses),
             errors = db::SqlParam::textArray(errors), results = db::SqlParam::textArray(results),
             owner = m_owner](db::DbConnection &connection) {
                // An empty error stands for none: text[] literals carry no NULL here.
                const db::DbResult result = connection.exec(
                        "WITH input AS (SELECT * FROM unnest($1::varchar[], $2::text[], $3::text[], $4::jsonb[])"
                        "               AS t(uuid, status, error, step_results)),"
                        " run AS (UPDATE workflow_runs r SET status = i.status, error = NULLIF(i.error, ''),"
                        "         step_results = i.step_results, completed_at = clock_timestamp(), lease_owner = NULL,"
                        "         lease_expires_at = NULL, updated_at = clock_timestamp()"
                        "         FROM input i WHERE r.uuid = i.uuid AND r.status = 'running' AND r.lease_owner = $5"
                        "         RETURNING r.*)"
                        " " WF_COMPLETED_MESSAGE_INSERT("run"),
                        {runIds, statuses, errors, results, owner});
                QList<OutboxMessage> messages;
                for (int row = 0; row < result.rows(); ++row)
                    messages.append(OutboxMessage::fromRow(result, row));
                return messages;
            },
            std::move(done));
}

void ExecutionStore::renew(QObject *context, const QStringList &runIds, Callback<QHash<QString, QString>> done)
{
    m_database.write(
            context,
            [runIds, owner = m_owner, lease = m_leaseSeconds](db::DbConnection &connection) {
                const db::DbResult renewed = connection.exec(
                        "UPDATE workflow_runs SET lease_expires_at = clock_timestamp() + make_interval(secs => $3)"
                        " WHERE uuid = ANY($1::varchar[]) AND status = 'running' AND lease_owner = $2 RETURNING uuid",
                        {db::SqlParam::textArray(runIds), owner, lease});
                QSet<QString> ours;
                for (int row = 0; row < renewed.rows(); ++row)
                    ours.insert(renewed.text(row, 0));
                QStringList lost;
                for (const QString &id : runIds) {
                    if (!ours.contains(id))
                        lost.append(id);
                }
                QHash<QString, QString> statuses;
                if (!lost.isEmpty()) {
                    const db::DbResult current = connection.exec(
                            "SELECT uuid, status FROM workflow_runs WHERE uuid = ANY($1::varchar[])", {db::SqlParam::textArray(lost)});
                    for (int row = 0; row < current.rows(); ++row)
                        statuses.insert(current.text(row, 0), current.text(row, 1));
                }
                return statuses;
            },
            std::move(done));
}

void ExecutionStore::release(QObject *context, const QStringList &runIds, Callback<qint64> done)
{
    m_database.write(
            context,
            [runIds, owner = m_owner](db::DbConnection &connection) {
                return connection
                        .exec("UPDATE workflow_runs SET lease_expires_at = clock_timestamp()"
                              " WHERE uuid = ANY($1::varchar[]) AND status = 'running' AND lease_owner = $2",
                              {db::SqlParam::textArray(runIds), owner})
                        .affected();
            },
            std::move(done));
}

void ExecutionStore::sweep(QObject *context, int requeueSeconds, int limit, Callback<QList<OutboxMessage>> done)
{
    m_database.write(
            context,
            [requeueSeconds, limit](db::DbConnection &connection) {
                const db::DbResult result = connection.exec(
                        "WITH expired AS (UPDATE workflow_runs SET status = 'pending', lease_owner = NULL,"
                        "                 lease_expires_at = NULL, enqueued_at = clock_timestamp(), updated_at = clock_timestamp()"
                        "                 WHERE uuid IN (SELECT uuid FROM workflow_runs WHERE status = 'running'"
                        "                                AND lease_expires_at < clock_timestamp()"
                        "                                ORDER BY lease_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)"
                        "                 RETURNING uuid, workflow_id, workflow_version, traceparent),"
                        " stale AS (UPDATE workflow_runs SET enqueued_at = clock_timestamp()"
                        "           WHERE uuid IN (SELECT uuid FROM workflow_runs WHERE status = 'pending'"
                        "                          AND enqueued_at < clock_timestamp() - make_interval(secs => $1)"
                        "                          ORDER BY enqueued_at LIMIT $2 FOR UPDATE SKIP LOCKED)"
                        "           RETURNING uuid, workflow_id, workflow_version, traceparent),"
                        " requeue AS (SELECT * FROM expired UNION ALL SELECT * FROM stale)"
                        " " WF_TRIGGER_MESSAGE_INSERT("requeue"),
                        {requeueSeconds, limit});
                QList<OutboxMessage> messages;
                for (int row = 0; row < result.rows(); ++row)
                    messages.append(OutboxMessage::fromRow(result, row));
                return messages;
            },
            std::move(done));
}

void ExecutionStore::deadLetter(QObject *context, const QByteArray &topic, int partition, qint64 offset, const QByteArray &key,
                                const QByteArray &payload, const QString &reason, Callback<OutboxMessage> done)
{
    m_database.write(
            context,
            [topic, partition, offset, key, payload, reason](db::DbConnection &connection) {
                // Bytes that are not valid UTF-8 (or hold NUL) are kept as their hex form.
                auto storable = [](const QByteArray &bytes) {
                    const bool text = QString::fromUtf8(bytes).toUtf8() == bytes && !bytes.contains('\0');
                    return text ? bytes : QByteArray("hex:" + bytes.toHex());
                };
                const db::DbResult result = connection.exec(
                        "WITH letter AS (INSERT INTO dead_letters (topic, kafka_partition, kafka_offset, message_key, payload, reason)"
                        "                VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)"
                        " INSERT INTO outbox (topic, message_key, payload, headers)"
                        " SELECT 'workflow.dlq', COALESCE(message_key, ''), jsonb_build_object('topic', topic, 'partition',"
                        "        kafka_partition, 'offset', kafka_offset, 'key', message_key, 'payload', payload, 'reason', reason),"
                        "        jsonb_build_object('reason', reason)"
                        " FROM letter RETURNING " WF_OUTBOX_COLUMNS,
                        {topic, partition, offset, storable(key), storable(payload), reason});
                return OutboxMessage::fromRow(result, 0);
            },
            std::move(done));
}

} // namespace wf
