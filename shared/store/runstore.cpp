#include "runstore.h"

#include "changesink.h"
#include "triggerbatcher.h"
#include "workflowstore.h"

#include "db/database.h"
#include "db/dbconnection.h"
#include "outbox/outboxsql.h"

#include "core/ids.h"

using namespace Qt::StringLiterals;

namespace wf {

namespace {

#define WF_RUN_COLUMNS_OF(t)                                                                               \
    t ".uuid, " t ".workflow_id, " t ".workflow_version, " t ".status, " t ".payload, "                     \
    "(extract(epoch FROM " t ".started_at) * 1000000)::int8, (extract(epoch FROM " t ".completed_at) * 1000000)::int8, " \
    t ".error, " t ".step_results, " t ".retry_of"
#define WF_RUN_COLUMNS WF_RUN_COLUMNS_OF("workflow_runs")
constexpr int kRunColumnCount = 10;

RunRecord recordAt(const db::DbResult &result, int row)
{
    RunRecord record;
    record.uuid = result.text(row, 0);
    record.workflowId = result.text(row, 1);
    record.workflowVersion = result.int32(row, 2);
    const std::optional<RunStatus> status = runStatusFromName(result.text(row, 3));
    if (!status)
        throw Error::internal(u"run %1 has the unknown status %2"_s.arg(record.uuid, result.text(row, 3)));
    record.status = *status;
    record.payload = result.json(row, 4).toObject();
    record.startedAtMicros = result.int64(row, 5);
    if (!result.isNull(row, 6))
        record.completedAtMicros = result.int64(row, 6);
    if (!result.isNull(row, 7))
        record.error = result.text(row, 7);
    record.stepResults = result.json(row, 8).toObject();
    if (!result.isNull(row, 9))
        record.retryOf = result.text(row, 9);
    return record;
}

struct RunCancellation
{
    RunRecord run;
    OutboxMessage message; // workflow.completed
};

// What a trigger or retry changed: a new run, announced by its workflow.trigger message.
Change triggered(const TriggerOutcome &outcome)
{
    return outcome.message ? Change{{}, {}, {*outcome.message}} : Change{};
}

} // namespace

RunStore::RunStore(db::Database &database, TriggerBatcher &triggers, ChangeSink *changes)
    : m_database(database), m_batcher(triggers), m_changes(changes)
{
}

void RunStore::events(QObject *context, const QString &runId, int limit, Callback<Timeline> done)
{
    m_database.read(
            context,
            [runId, limit](db::DbConnection &connection) -> Result<Timeline> {
                const db::DbResult run = connection.exec("SELECT coalesce(traceparent, '') FROM workflow_runs WHERE uuid = $1", {runId});
                if (run.rows() == 0)
                    return RunStore::runNotFound();
                Timeline timeline;
                timeline.traceparent = run.bytes(0, 0);
                const db::DbResult rows = connection.exec(
                        "SELECT kind, coalesce(instance, ''), coalesce(trace_id, ''), (extract(epoch FROM at) * 1000000)::int8, detail"
                        " FROM run_events WHERE run_id = $1 ORDER BY at, id LIMIT $2",
                        {runId, limit});
                for (int row = 0; row < rows.rows(); ++row) {
                    RunEvent event;
                    event.runId = runId;
                    event.kind = rows.text(row, 0);
                    event.instance = rows.text(row, 1);
                    event.traceId = rows.text(row, 2);
                    event.atMicros = rows.int64(row, 3);
                    event.detail = rows.json(row, 4).toObject();
                    timeline.events.append(std::move(event));
                }
                return timeline;
            },
            std::move(done));
}

Error RunStore::runNotFound()
{
    return Error::notFound(u"Workflow run not found"_s);
}

void RunStore::trigger(QObject *context, const TriggerRequest &request, Callback<TriggerOutcome> done)
{
    const QString workflowId = ids::normalize(request.workflowId);
    if (workflowId.isEmpty()) {
        // Not an id we could have issued: the seed's answer, without asking the database.
        QMetaObject::invokeMethod(
                context, [done = std::move(done), id = request.workflowId] { done(WorkflowStore::workflowNotFound(id)); },
                Qt::QueuedConnection);
        return;
    }
    done = afterCommit(m_changes, std::move(done), triggered);
    if (request.idempotencyKey.isEmpty()) {
        m_batcher.add(context, workflowId, request, std::move(done));
        return;
    }
    const std::optional<QString> key = request.idempotencyKey;
    m_database.write(
            context,
            [runId = ids::create(), workflowId, payload = request.payload, key,
             traceparent = request.traceparent](db::DbConnection &connection) -> Result<TriggerOutcome> {
                // One statement: read the current version, insert the run and its trigger message.
                const db::DbResult result = connection.exec(
                        "WITH wf AS (SELECT uuid, version FROM workflow_definitions"
                        "            WHERE uuid = $1 AND deleted_at IS NULL),"
                        " run AS (INSERT INTO workflow_runs (uuid, workflow_id, workflow_version, status, payload,"
                        "                                    idempotency_key, traceparent)"
                        "         SELECT $2, wf.uuid, wf.version, 'pending', $3::jsonb, $4, $5 FROM wf"
                        "         ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING"
                        "         RETURNING uuid, workflow_id, workflow_version, traceparent),"
                        " msg AS (" WF_TRIGGER_MESSAGE_INSERT("run") ")"
                        " SELECT (SELECT count(*) FROM wf), msg.* FROM (SELECT 1) one LEFT JOIN msg ON true",
                        {workflowId, runId, payload, key, traceparent});
                if (result.int64(0, 0) == 0)
                    return WorkflowStore::workflowNotFound(workflowId);
                if (!result.isNull(0, 1)) {
                    const OutboxMessage message = OutboxMessage::fromRow(result, 0, 1);
                    return TriggerOutcome{QString::fromUtf8(message.key), false, message};
                }
                // The key was used before: the same request gets the same run.
                const db::DbResult earlier = connection.exec(
                        "SELECT uuid, payload = $3::jsonb FROM workflow_runs WHERE idempotency_key = $1"
                        " AND workflow_id = $2",
                        {key, workflowId, payload});
                if (earlier.rows() == 0 || !earlier.boolean(0, 1))
                    return Error::conflict(u"Idempotency-Key was already used for a different request"_s);
                return TriggerOutcome{earlier.text(0, 0), true, std::nullopt};
            },
            std::move(done));
}

void RunStore::cancel(QObject *context, const QString &runId, Callback<RunRecord> done)
{
    m_database.write(
            context,
            [runId](db::DbConnection &connection) -> Result<RunCancellation> {
                const db::DbResult result = connection.exec(
                        "WITH run AS (UPDATE workflow_runs SET status = 'cancelled', completed_at = clock_timestamp(),"
                        "             error = 'cancelled by request', updated_at = clock_timestamp()"
                        "             WHERE uuid = $1 AND status IN ('pending', 'running') RETURNING *),"
                        " msg AS (" WF_COMPLETED_MESSAGE_INSERT("run") ")"
                        " SELECT " WF_RUN_COLUMNS_OF("run") ", msg.* FROM run, msg",
                        {runId});
                if (result.rows() == 1)
                    return RunCancellation{recordAt(result, 0), OutboxMessage::fromRow(result, 0, kRunColumnCount)};
                const db::DbResult current = connection.exec("SELECT status FROM workflow_runs WHERE uuid = $1", {runId});
                if (current.rows() == 0)
                    return runNotFound();
                return Error::conflict(u"Workflow run is already %1"_s.arg(current.text(0, 0)));
            },
            [changes = m_changes, runId, done = std::move(done)](Result<RunCancellation> cancelled) {
                if (!cancelled.ok())
                    return done(cancelled.error());
                if (changes)
                    changes->committed({{runId}, {}, {cancelled->message}});
                done(cancelled->run);
            });
}

void RunStore::retry(QObject *context, const QString &runId, const QString &idempotencyKey, const QByteArray &traceparent,
                     Callback<TriggerOutcome> done)
{
    // Kept apart from trigger keys: the same key may name a trigger and a retry. The prefix
    // starts with a control character, which no client key can contain (printable ASCII only).
    const std::optional<QString> key = idempotencyKey.isEmpty()
            ? std::nullopt
            : std::optional<QString>(u"\x1fretry:"_s + runId + u':' + idempotencyKey);
    m_database.write(
            context,
            [runId, newId = ids::create(), key, traceparent](db::DbConnection &connection) -> Result<TriggerOutcome> {
                // The run retried is locked first: concurrent retries of it take turns here, and
                // each later one sees the retry the first made.
                const db::DbResult original = connection.exec(
                        "SELECT status FROM workflow_runs WHERE uuid = $1 FOR UPDATE", {runId});
                if (original.rows() == 0)
                    return runNotFound();
                if (key) {
                    const db::DbResult earlier = connection.exec(
                            "SELECT uuid FROM workflow_runs WHERE idempotency_key = $1", {*key});
                    if (earlier.rows() == 1)
                        return TriggerOutcome{earlier.text(0, 0), true, std::nullopt};
                }
                const db::DbResult underway = connection.exec(
                        "SELECT uuid FROM workflow_runs WHERE retry_of = $1 AND status IN ('pending', 'running')"
                        " ORDER BY started_at DESC LIMIT 1",
                        {runId});
                if (underway.rows() == 1)
                    return TriggerOutcome{underway.text(0, 0), true, std::nullopt};
                const std::optional<RunStatus> status = runStatusFromName(original.text(0, 0));
                if (status != RunStatus::Failed && status != RunStatus::Cancelled)
                    return Error::conflict(u"only failed or cancelled runs can be retried; this one is %1"_s.arg(original.text(0, 0)));
                // Keep the results of steps that finished well (success, or skipped by a condition
                // that did); the worker resumes at the first other step.
                const db::DbResult result = connection.exec(
                        "WITH old AS (SELECT * FROM workflow_runs WHERE uuid = $1),"
                        " run AS (INSERT INTO workflow_runs (uuid, workflow_id, workflow_version, status, payload,"
                        "                                    step_results, retry_of, retry_root, idempotency_key, traceparent)"
                        "         SELECT $2, workflow_id, workflow_version, 'pending', payload,"
                        "                COALESCE((SELECT jsonb_object_agg(key, value) FROM jsonb_each(old.step_results)"
                        "                          WHERE value->>'status' IN ('success', 'skipped')), '{}'::jsonb),"
                        "                uuid, COALESCE(retry_root, uuid), $3, $4 FROM old"
                        "         RETURNING uuid, workflow_id, workflow_version, traceparent),"
                        " msg AS (" WF_TRIGGER_MESSAGE_INSERT("run") ")"
                        " SELECT msg.* FROM msg",
                        {runId, newId, key, traceparent});
                const OutboxMessage message = OutboxMessage::fromRow(result, 0, 0);
                return TriggerOutcome{QString::fromUtf8(message.key), false, message};
            },
            afterCommit(m_changes, std::move(done), triggered));
}

void RunStore::stuck(QObject *context, int pendingSeconds, int limit, Callback<QList<StuckRun>> done)
{
    m_database.read(
            context,
            [pendingSeconds, limit](db::DbConnection &connection) {
                const db::DbResult result = connection.exec(
                        "SELECT uuid, workflow_id, status, (extract(epoch FROM started_at) * 1000000)::int8,"
                        "       (extract(epoch FROM updated_at) * 1000000)::int8, lease_owner, execution_attempts,"
                        "       extract(epoch FROM clock_timestamp() - CASE WHEN status = 'running' THEN lease_expires_at"
                        "                                                   ELSE enqueued_at END)::float8 AS stuck"
                        " FROM workflow_runs"
                        " WHERE (status = 'pending' AND enqueued_at < clock_timestamp() - make_interval(secs => $1))"
                        "    OR (status = 'running' AND lease_expires_at < clock_timestamp())"
                        " ORDER BY stuck DESC LIMIT $2",
                        {pendingSeconds, limit});
                QList<StuckRun> runs;
                for (int row = 0; row < result.rows(); ++row) {
                    StuckRun run;
                    run.runId = result.text(row, 0);
                    run.workflowId = result.text(row, 1);
                    run.status = runStatusFromName(result.text(row, 2)).value_or(RunStatus::Pending);
                    run.startedAtMicros = result.int64(row, 3);
                    run.updatedAtMicros = result.int64(row, 4);
                    if (!result.isNull(row, 5))
                        run.leaseOwner = result.text(row, 5);
                    run.executions = result.int32(row, 6);
                    run.stuckSeconds = result.number(row, 7);
                    runs.append(run);
                }
                return runs;
            },
            std::move(done));
}

void RunStore::requeue(QObject *context, const QString &runId, const QString &instance, Callback<RunRecord> done)
{
    struct Requeued
    {
        RunRecord run;
        OutboxMessage message;
    };
    m_database.write(
            context,
            [runId, instance](db::DbConnection &connection) -> Result<Requeued> {
                const db::DbResult result = connection.exec(
                        "WITH run AS (UPDATE workflow_runs SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL,"
                        "             enqueued_at = clock_timestamp(), updated_at = clock_timestamp()"
                        "             WHERE uuid = $1 AND (status = 'pending'"
                        "                   OR (status = 'running' AND lease_expires_at < clock_timestamp()))"
                        "             RETURNING *),"
                        " event AS (INSERT INTO run_events (run_id, kind, instance, trace_id, detail)"
                        "           SELECT uuid, 'requeued', $2, nullif(split_part(traceparent, '-', 2), ''),"
                        "                  jsonb_build_object('executions', execution_attempts) FROM run),"
                        " msg AS (" WF_TRIGGER_MESSAGE_INSERT("run") ")"
                        " SELECT " WF_RUN_COLUMNS_OF("run") ", msg.* FROM run, msg",
                        {runId, instance});
                if (result.rows() == 1)
                    return Requeued{recordAt(result, 0), OutboxMessage::fromRow(result, 0, kRunColumnCount)};
                const db::DbResult current = connection.exec(
                        "SELECT status, lease_owner, ceil(extract(epoch FROM lease_expires_at - clock_timestamp()))::int8"
                        " FROM workflow_runs WHERE uuid = $1",
                        {runId});
                if (current.rows() == 0)
                    return runNotFound();
                if (current.text(0, 0) == statusName(RunStatus::Running))
                    return Error::conflict(u"the run is running under a live lease of %1 (it expires in %2 s): it is not stuck"_s
                                                   .arg(current.text(0, 1))
                                                   .arg(current.int64(0, 2)));
                return Error::conflict(u"Workflow run is already %1"_s.arg(current.text(0, 0)));
            },
            [changes = m_changes, runId, done = std::move(done)](Result<Requeued> requeued) {
                if (!requeued.ok())
                    return done(requeued.error());
                if (changes)
                    changes->committed({{runId}, {}, {requeued->message}});
                done(requeued->run);
            });
}

void RunStore::get(QObject *context, const QString &runId, Callback<RunRecord> done)
{
    m_database.read(
            context,
            [runId](db::DbConnection &connection) -> Result<RunRecord> {
                const db::DbResult result =
                        connection.exec("SELECT " WF_RUN_COLUMNS " FROM workflow_runs WHERE uuid = $1", {runId});
                if (result.rows() == 0)
                    return runNotFound();
                return recordAt(result, 0);
            },
            std::move(done));
}

void RunStore::list(QObject *context, const RunQuery &query, Callback<Page<RunRecord>> done)
{
    m_database.read(
            context,
            [query](db::DbConnection &connection) -> Result<Page<RunRecord>> {
                PageRequest page = query.page;
                if (!page.afterId.isEmpty()) {
                    // The seed's cursor: the page after this run, in this listing's order.
                    const db::DbResult seen = connection.exec(
                            "SELECT (extract(epoch FROM started_at) * 1000000)::int8 FROM workflow_runs WHERE uuid = $1",
                            {page.afterId});
                    if (seen.rows() == 0)
                        return Error::invalid(u"cursor: no run has the id %1"_s.arg(page.afterId));
                    page.cursor = PageCursor{seen.int64(0, 0), page.afterId};
                }
                const std::optional<qint64> micros =
                        page.cursor ? std::optional<qint64>(page.cursor->micros) : std::nullopt;
                const std::optional<QString> after = page.cursor ? std::optional<QString>(page.cursor->id) : std::nullopt;
                const std::optional<QString> status =
                        query.status ? std::optional<QString>(statusName(*query.status)) : std::nullopt;
                const std::optional<QString> workflowId =
                        query.workflowId.isEmpty() ? std::nullopt : std::optional<QString>(query.workflowId);
                const db::DbResult result = connection.exec(
                        "SELECT " WF_RUN_COLUMNS " FROM workflow_runs"
                        " WHERE ($1::text IS NULL OR status = $1)"
                        " AND ($2::varchar IS NULL OR workflow_id = $2)"
                        " AND ($3::int8 IS NULL OR (started_at, uuid) <"
                        "      (timestamptz 'epoch' + $3::int8 * interval '1 microsecond', $4::varchar))"
                        " ORDER BY started_at DESC, uuid DESC LIMIT $5",
                        {status, workflowId, micros, after, page.limit + 1});
                Page<RunRecord> out;
                out.limit = page.limit;
                for (int row = 0; row < result.rows() && row < page.limit; ++row)
                    out.items.append(recordAt(result, row));
                if (result.rows() > page.limit)
                    out.next = PageCursor{out.items.last().startedAtMicros, out.items.last().uuid};
                return out;
            },
            std::move(done));
}

} // namespace wf
