#include "sqlexecutionstore.h"

#include "db/database.h"
#include "core/json.h"
#include "db/dbconnection.h"
#include "outbox/outboxsql.h"
#include "workflow/workflowdefinition.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

// Parallel arrays of leases for unnest().
db::SqlParam leaseIds(const QList<RunLease> &leases)
{
    QStringList ids;
    ids.reserve(leases.size());
    for (const RunLease &lease : leases)
        ids.append(lease.runId);
    return db::SqlParam::textArray(ids);
}

db::SqlParam leaseExecutions(const QList<RunLease> &leases)
{
    QStringList executions;
    executions.reserve(leases.size());
    for (const RunLease &lease : leases)
        executions.append(QString::number(lease.execution));
    return db::SqlParam::textArray(executions);
}

// One claimed row as a plan, or why it cannot be executed.
Result<ClaimedRun> claimedRun(const db::DbResult &rows, int row, int maxExecutions)
{
    ClaimedRun run;
    run.lease = {rows.text(row, 0), rows.int32(row, 6)};
    RunPlan &plan = run.plan;
    plan.runId = run.lease.runId;
    plan.workflowId = rows.text(row, 1);
    plan.workflowVersion = rows.int32(row, 2);
    plan.traceparent = rows.bytes(row, 5);
    plan.retryRootId = rows.text(row, 8);
    if (run.lease.execution > maxExecutions)
        return Error::internal(u"the run was executed %1 times without finishing (WF_WORKER_MAX_EXECUTIONS is %2): "
                               u"a step keeps crashing or stalling its worker, or its results cannot be saved"_s
                                       .arg(maxExecutions)
                                       .arg(maxExecutions));
    if (rows.isNull(row, 7))
        return Error::internal(u"version %1 of workflow %2 does not exist"_s.arg(plan.workflowVersion).arg(plan.workflowId));
    const Result<QJsonValue> payload = rows.parsedJson(row, 3);
    const Result<QJsonValue> results = rows.parsedJson(row, 4);
    const Result<QJsonValue> steps = rows.parsedJson(row, 7);
    for (const Result<QJsonValue> *value : {&payload, &results, &steps}) {
        if (!*value)
            return Error::internal(u"the run's stored data cannot be read: "_s + value->error().detail());
    }
    if (!steps->isArray() || !results->isObject() || !(payload->isObject() || payload->isUndefined()))
        return Error::internal(u"the run's stored data has an unexpected shape"_s);
    Result<StepResults> stored = stepResultsFromJson(results->toObject());
    if (!stored)
        return Error::internal(u"the run's stored step results cannot be read: "_s + stored.error().detail());
    plan.payload = payload->toObject();
    plan.stepResults = std::move(*stored);
    plan.steps = WorkflowDefinition::stepsFromStoredJson(steps->toArray());
    return run;
}

} // namespace

SqlExecutionStore::SqlExecutionStore(db::Database &database, QString owner, int leaseSeconds, int maxExecutions)
    : m_database(database), m_owner(std::move(owner)), m_leaseSeconds(leaseSeconds), m_maxExecutions(maxExecutions)
{
}

void SqlExecutionStore::claim(QObject *context, const QStringList &runIds, Callback<ClaimOutcome> done)
{
    m_database.write(
            context,
            [runIds, owner = m_owner, lease = m_leaseSeconds, maxExecutions = m_maxExecutions](db::DbConnection &connection) {
                const db::DbResult claimed = connection.exec(
                        // Rows are locked in id order, and a row another transaction holds is
                        // skipped (its owner is saving it, or another claim has it): claims of
                        // overlapping batches never deadlock.
                        "WITH free AS (SELECT uuid FROM workflow_runs WHERE uuid = ANY($1::varchar[]) AND (status = 'pending'"
                        "              OR (status = 'running' AND lease_expires_at < clock_timestamp()))"
                        "              ORDER BY uuid FOR UPDATE SKIP LOCKED),"
                        " claim AS (UPDATE workflow_runs r SET status = 'running', lease_owner = $2,"
                        "               lease_expires_at = clock_timestamp() + make_interval(secs => $3),"
                        "               execution_attempts = execution_attempts + 1, updated_at = clock_timestamp()"
                        "               FROM free f WHERE r.uuid = f.uuid"
                        "               RETURNING r.uuid, r.workflow_id, r.workflow_version, r.payload, r.step_results,"
                        "                         r.traceparent, r.execution_attempts, COALESCE(r.retry_root, r.uuid) AS retry_root)"
                        " SELECT c.uuid, c.workflow_id, c.workflow_version, c.payload::text, c.step_results::text,"
                        "        c.traceparent, c.execution_attempts, v.steps::text, c.retry_root"
                        " FROM claim c LEFT JOIN workflow_versions v"
                        "   ON v.workflow_uuid = c.workflow_id AND v.version = c.workflow_version",
                        {db::SqlParam::textArray(runIds), owner, lease});
                ClaimOutcome outcome;
                QSet<QString> seen;
                QList<RunLease> unusable;
                QStringList reasons;
                for (int row = 0; row < claimed.rows(); ++row) {
                    Result<ClaimedRun> run = claimedRun(claimed, row, maxExecutions);
                    const QString id = claimed.text(row, 0);
                    seen.insert(id);
                    if (run) {
                        outcome.claimed.append(std::move(*run));
                    } else {
                        unusable.append({id, claimed.int32(row, 6)});
                        reasons.append(run.error().detail());
                    }
                }
                if (!unusable.isEmpty()) {
                    const db::DbResult ended = connection.exec(
                            "WITH input AS (SELECT * FROM unnest($1::varchar[], $2::int[], $3::text[]) AS t(uuid, execution, error)),"
                            " run AS (UPDATE workflow_runs r SET status = 'failed', error = i.error,"
                            "         completed_at = clock_timestamp(), lease_owner = NULL, lease_expires_at = NULL,"
                            "         updated_at = clock_timestamp()"
                            "         FROM input i WHERE r.uuid = i.uuid AND r.execution_attempts = i.execution"
                            "         AND r.lease_owner = $4 RETURNING r.*)"
                            " " WF_COMPLETED_MESSAGE_INSERT("run"),
                            {leaseIds(unusable), leaseExecutions(unusable), db::SqlParam::textArray(reasons), owner});
                    for (int row = 0; row < ended.rows(); ++row)
                        outcome.completed.append(OutboxMessage::fromRow(ended, row));
                    for (const RunLease &run : std::as_const(unusable))
                        outcome.failed.append(run.runId);
                }
                QStringList others;
                for (const QString &id : runIds) {
                    if (!seen.contains(id))
                        others.append(id);
                }
                if (!others.isEmpty()) {
                    // A row that could be claimed but was skipped is locked by another write
                    // right now (a retry or requeue reading it, another claim): try it again.
                    const db::DbResult existing = connection.exec(
                            "SELECT uuid, status = 'pending' OR (status = 'running' AND lease_expires_at < clock_timestamp())"
                            " FROM workflow_runs WHERE uuid = ANY($1::varchar[])",
                            {db::SqlParam::textArray(others)});
                    QHash<QString, bool> claimable;
                    for (int row = 0; row < existing.rows(); ++row)
                        claimable.insert(existing.text(row, 0), existing.boolean(row, 1));
                    for (const QString &id : std::as_const(others)) {
                        const auto found = claimable.constFind(id);
                        if (found == claimable.cend())
                            outcome.missing.append(id);
                        else
                            (*found ? outcome.busy : outcome.skipped).append(id);
                    }
                }
                return outcome;
            },
            std::move(done));
}

void SqlExecutionStore::saveSteps(QObject *context, const RunLease &lease, const StepResults &results, Callback<bool> done)
{
    m_database.write(
            context,
            [lease, results = stepResultsToJson(results), owner = m_owner, seconds = m_leaseSeconds](db::DbConnection &connection) {
                return connection
                               .exec("UPDATE workflow_runs SET step_results = step_results || $2::jsonb,"
                                     " lease_expires_at = clock_timestamp() + make_interval(secs => $4),"
                                     " updated_at = clock_timestamp()"
                                     " WHERE uuid = $1 AND status = 'running' AND lease_owner = $3 AND execution_attempts = $5",
                                     {lease.runId, results, owner, seconds, lease.execution})
                               .affected()
                        == 1;
            },
            std::move(done));
}

void SqlExecutionStore::markStepsRunning(QObject *context, const QList<StepMark> &marks, Callback<QStringList> done)
{
    QList<RunLease> leases;
    QStringList steps;
    QStringList results;
    for (const StepMark &mark : marks) {
        leases.append(mark.lease);
        steps.append(mark.result.stepName);
        results.append(QString::fromUtf8(json::serialize(mark.result.toJson())));
    }
    m_database.write(
            context,
            [runIds = leaseIds(leases), executions = leaseExecutions(leases), steps = db::SqlParam::textArray(steps),
             results = db::SqlParam::textArray(results), owner = m_owner](db::DbConnection &connection) {
                // Never waits for a row: a save or end of the run holding it comes later in the
                // run's life and wins anyway, and waiting could deadlock with it inside a shared
                // transaction.
                const db::DbResult marked = connection.exec(
                        "WITH input AS (SELECT * FROM unnest($1::varchar[], $2::text[], $3::jsonb[], $4::int[])"
                        "               AS t(uuid, step, result, execution)),"
                        " free AS (SELECT r.uuid FROM workflow_runs r JOIN input i ON r.uuid = i.uuid"
                        "          WHERE r.status = 'running' AND r.lease_owner = $5 AND r.execution_attempts = i.execution"
                        "            AND coalesce(r.step_results -> i.step ->> 'status', '') NOT IN ('success', 'failed', 'skipped')"
                        "          ORDER BY r.uuid FOR UPDATE OF r SKIP LOCKED)"
                        " UPDATE workflow_runs r SET step_results = jsonb_set(r.step_results, ARRAY[i.step], i.result),"
                        "        updated_at = clock_timestamp()"
                        " FROM input i, free f WHERE r.uuid = i.uuid AND f.uuid = i.uuid"
                        " RETURNING r.uuid",
                        {runIds, steps, results, executions, owner});
                QStringList changed;
                for (int row = 0; row < marked.rows(); ++row)
                    changed.append(marked.text(row, 0));
                return changed;
            },
            std::move(done));
}

void SqlExecutionStore::saveCancelledSteps(QObject *context, const RunLease &lease, const StepResults &results,
                                        Callback<bool> done)
{
    m_database.write(
            context,
            [lease, results = stepResultsToJson(results), owner = m_owner](db::DbConnection &connection) {
                return connection
                               .exec("UPDATE workflow_runs SET step_results = step_results || $2::jsonb, lease_owner = NULL,"
                                     " lease_expires_at = NULL, updated_at = clock_timestamp()"
                                     " WHERE uuid = $1 AND status = 'cancelled' AND lease_owner = $3 AND execution_attempts = $4",
                                     {lease.runId, results, owner, lease.execution})
                               .affected()
                        == 1;
            },
            std::move(done));
}

void SqlExecutionStore::finish(QObject *context, const QList<RunEnd> &ends, Callback<QList<OutboxMessage>> done)
{
    QList<RunLease> leases;
    QStringList statuses;
    QStringList errors;
    QStringList results;
    for (const RunEnd &end : ends) {
        leases.append(end.lease);
        statuses.append(statusName(end.status));
        errors.append(end.error.value_or(QString()));
        results.append(QString::fromUtf8(json::serialize(stepResultsToJson(end.stepResults))));
    }
    m_database.write(
            context,
            [runIds = leaseIds(leases), executions = leaseExecutions(leases), statuses = db::SqlParam::textArray(statuses),
             errors = db::SqlParam::textArray(errors), results = db::SqlParam::textArray(results),
             owner = m_owner](db::DbConnection &connection) {
                // An empty error stands for none: text[] literals carry no NULL here.
                const db::DbResult result = connection.exec(
                        "WITH input AS (SELECT * FROM unnest($1::varchar[], $2::text[], $3::text[], $4::jsonb[], $6::int[])"
                        "               AS t(uuid, status, error, step_results, execution)),"
                        // Locked in id order: batches that overlap other writes never deadlock.
                        " locked AS (SELECT r.uuid FROM workflow_runs r JOIN input i ON r.uuid = i.uuid"
                        "            WHERE r.status = 'running' AND r.lease_owner = $5 AND r.execution_attempts = i.execution"
                        "            ORDER BY r.uuid FOR UPDATE OF r),"
                        " run AS (UPDATE workflow_runs r SET status = i.status, error = NULLIF(i.error, ''),"
                        "         step_results = i.step_results, completed_at = clock_timestamp(), lease_owner = NULL,"
                        "         lease_expires_at = NULL, updated_at = clock_timestamp()"
                        "         FROM input i, locked l WHERE r.uuid = i.uuid AND l.uuid = i.uuid"
                        "         RETURNING r.*)"
                        " " WF_COMPLETED_MESSAGE_INSERT("run"),
                        {runIds, statuses, errors, results, owner, executions});
                QList<OutboxMessage> messages;
                for (int row = 0; row < result.rows(); ++row)
                    messages.append(OutboxMessage::fromRow(result, row));
                return messages;
            },
            std::move(done));
}

void SqlExecutionStore::renew(QObject *context, const QList<RunLease> &leases, Callback<QList<LostLease>> done)
{
    m_database.writeUrgent(
            context,
            [leases, owner = m_owner, seconds = m_leaseSeconds](db::DbConnection &connection) {
                // Rows another transaction holds are skipped, never waited for: that is this
                // worker saving or ending the run (which renews or ends the lease itself), or
                // someone taking it (which the check below sees).
                const db::DbResult renewed = connection.exec(
                        "WITH input AS (SELECT * FROM unnest($1::varchar[], $2::int[]) AS i(uuid, execution)),"
                        " locked AS (SELECT r.uuid FROM workflow_runs r JOIN input i ON r.uuid = i.uuid"
                        "            WHERE r.execution_attempts = i.execution AND r.status = 'running' AND r.lease_owner = $3"
                        "            ORDER BY r.uuid FOR UPDATE OF r SKIP LOCKED)"
                        " UPDATE workflow_runs r SET lease_expires_at = clock_timestamp() + make_interval(secs => $4)"
                        " FROM locked l WHERE r.uuid = l.uuid RETURNING r.uuid",
                        {leaseIds(leases), leaseExecutions(leases), owner, seconds});
                QSet<QString> ours;
                for (int row = 0; row < renewed.rows(); ++row)
                    ours.insert(renewed.text(row, 0));
                QList<LostLease> lost;
                QStringList lostIds;
                for (const RunLease &lease : leases) {
                    if (!ours.contains(lease.runId)) {
                        lost.append({lease, std::nullopt});
                        lostIds.append(lease.runId);
                    }
                }
                if (!lost.isEmpty()) {
                    const db::DbResult current = connection.exec(
                            "SELECT uuid, status, status = 'running' AND lease_owner IS NOT DISTINCT FROM $2, execution_attempts"
                            " FROM workflow_runs WHERE uuid = ANY($1::varchar[])",
                            {db::SqlParam::textArray(lostIds), owner});
                    QHash<QString, int> row;
                    for (int i = 0; i < current.rows(); ++i)
                        row.insert(current.text(i, 0), i);
                    QList<LostLease> really;
                    for (LostLease &gone : lost) {
                        const auto found = row.constFind(gone.lease.runId);
                        if (found == row.cend()) {
                            really.append(gone);
                            continue;
                        }
                        // Still ours, only locked by another write of this worker: not lost.
                        if (current.boolean(*found, 2) && current.int32(*found, 3) == gone.lease.execution)
                            continue;
                        gone.status = runStatusFromName(current.text(*found, 1));
                        really.append(gone);
                    }
                    lost = really;
                }
                return lost;
            },
            std::move(done));
}

void SqlExecutionStore::release(QObject *context, const QList<RunLease> &leases, Callback<qint64> done)
{
    m_database.write(
            context,
            [leases, owner = m_owner](db::DbConnection &connection) {
                return connection
                        .exec("WITH locked AS (SELECT r.uuid FROM workflow_runs r"
                              "   JOIN unnest($1::varchar[], $2::int[]) AS i(uuid, execution) ON r.uuid = i.uuid"
                              "   WHERE r.execution_attempts = i.execution AND r.status = 'running' AND r.lease_owner = $3"
                              "   ORDER BY r.uuid FOR UPDATE OF r)"
                              " UPDATE workflow_runs r SET lease_expires_at = clock_timestamp() FROM locked l WHERE r.uuid = l.uuid",
                              {leaseIds(leases), leaseExecutions(leases), owner})
                        .affected();
            },
            std::move(done));
}

void SqlExecutionStore::sweep(QObject *context, int requeueSeconds, bool expireLeases, bool republishStale, int limit,
                           Callback<QList<OutboxMessage>> done)
{
    m_database.write(
            context,
            [requeueSeconds, limit = expireLeases ? limit : 0, staleLimit = republishStale ? limit : 0](db::DbConnection &connection) {
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
                        "                          ORDER BY enqueued_at LIMIT $3 FOR UPDATE SKIP LOCKED)"
                        "           RETURNING uuid, workflow_id, workflow_version, traceparent),"
                        " requeue AS (SELECT * FROM expired UNION ALL SELECT * FROM stale)"
                        " " WF_TRIGGER_MESSAGE_INSERT("requeue"),
                        {requeueSeconds, limit, staleLimit});
                QList<OutboxMessage> messages;
                for (int row = 0; row < result.rows(); ++row)
                    messages.append(OutboxMessage::fromRow(result, row));
                return messages;
            },
            std::move(done));
}

void SqlExecutionStore::deadLetter(QObject *context, const QByteArray &topic, int partition, qint64 offset, const QByteArray &key,
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
