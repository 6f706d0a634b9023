#include "triggerbatcher.h"

#include "workflowstore.h"

#include "core/ids.h"
#include "core/json.h"
#include "db/database.h"
#include "db/dbconnection.h"
#include "outbox/outboxsql.h"

#include <QHash>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace wf {

TriggerBatcher::TriggerBatcher(db::Database &database) : m_database(database) { }

void TriggerBatcher::add(QObject *context, const QString &workflowId, const TriggerRequest &request, Callback<TriggerOutcome> done)
{
    // While the database's circuit is open, nothing is queued behind the batch in flight.
    if (std::optional<Error> refused = m_database.refusal()) {
        QMetaObject::invokeMethod(context, [done = std::move(done), error = *refused]() { done(error); }, Qt::QueuedConnection);
        return;
    }
    auto answered = std::make_shared<bool>(false);
    if (const auto deadline = m_database.deadline(); deadline.count() > 0 && context && context->thread() == QThread::currentThread()) {
        auto shared = std::make_shared<Callback<TriggerOutcome>>(std::move(done));
        done = [shared](Result<TriggerOutcome> outcome) { (*shared)(std::move(outcome)); };
        QTimer::singleShot(deadline + std::chrono::milliseconds(100), context, [this, shared, answered, deadline] {
            if (std::exchange(*answered, true))
                return;
            m_database.noteTimeout();
            (*shared)(db::Database::timedOut(deadline));
        });
    }
    QMutexLocker lock(&m_mutex);
    const qint64 bytes = json::sizeAtMost(request.payload, kMaxBatchBytes);
    m_pending.append({context, ids::create(), workflowId, request.payload, request.traceparent, bytes, std::move(done), std::nullopt,
                      answered});
    if (!m_queued) {
        m_queued = true;
        lock.unlock();
        submit();
    }
}

qsizetype TriggerBatcher::nextBatch(const QList<qint64> &bytes, int maxItems, qint64 maxBytes)
{
    qsizetype count = 0;
    qint64 total = 0;
    while (count < bytes.size() && count < maxItems) {
        if (count > 0 && total + bytes.at(count) > maxBytes)
            break;
        total += bytes.at(count);
        ++count;
    }
    return count;
}

void TriggerBatcher::submit()
{
    auto batch = std::make_shared<QList<Pending>>();
    db::DbJob job;
    job.mode = db::DbJob::Mode::Write;
    job.execute = [this, batch](db::DbConnection &connection) {
        // Taken when the job runs, not when it was queued: whatever arrived meanwhile comes along.
        // (A replay after a failed shared transaction runs the same batch again.)
        if (batch->isEmpty()) {
            QMutexLocker lock(&m_mutex);
            QList<qint64> weights;
            weights.reserve(std::min<qsizetype>(m_pending.size(), kMaxBatch));
            for (qsizetype i = 0; i < m_pending.size() && i < kMaxBatch; ++i)
                weights.append(m_pending.at(i).bytes);
            const qsizetype count = nextBatch(weights);
            *batch = m_pending.mid(0, count);
            m_pending.remove(0, count);
            m_queued = !m_pending.isEmpty();
            if (m_queued) {
                lock.unlock();
                submit();
            }
        }
        QStringList runIds, workflowIds, payloads, traces;
        for (const Pending &item : std::as_const(*batch)) {
            runIds.append(item.runId);
            workflowIds.append(item.workflowId);
            payloads.append(QString::fromUtf8(json::serialize(item.payload)));
            traces.append(QString::fromLatin1(item.traceparent));
        }
        const db::DbResult result = connection.exec(
                "WITH input AS (SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::jsonb[], $4::text[]) WITH ORDINALITY"
                "               AS t(run_id, workflow_id, payload, traceparent, n)),"
                " wf AS (SELECT uuid, version FROM workflow_definitions WHERE uuid = ANY($2::varchar[]) AND deleted_at IS NULL),"
                " run AS (INSERT INTO workflow_runs (uuid, workflow_id, workflow_version, status, payload, traceparent)"
                "         SELECT i.run_id, wf.uuid, wf.version, 'pending', i.payload, NULLIF(i.traceparent, '')"
                "         FROM input i JOIN wf ON wf.uuid = i.workflow_id ORDER BY i.n"
                "         RETURNING uuid, workflow_id, workflow_version, traceparent),"
                " msg AS (" WF_TRIGGER_MESSAGE_INSERT("run") ")"
                " SELECT * FROM msg",
                {db::SqlParam::textArray(runIds), db::SqlParam::textArray(workflowIds), db::SqlParam::textArray(payloads),
                 db::SqlParam::textArray(traces)});
        QHash<QString, OutboxMessage> written;
        for (int row = 0; row < result.rows(); ++row) {
            const OutboxMessage message = OutboxMessage::fromRow(result, row);
            written.insert(QString::fromLatin1(message.key), message);
        }
        for (Pending &item : *batch) {
            const auto it = written.constFind(item.runId);
            if (it == written.cend())
                item.outcome.emplace(WorkflowStore::workflowNotFound(item.workflowId));
            else
                item.outcome.emplace(TriggerOutcome{item.runId, false, *it});
        }
    };
    job.fail = [this, batch](const Error &error) {
        // Failed before it took its batch (the pool is shutting down): answer what waits.
        if (batch->isEmpty()) {
            QMutexLocker lock(&m_mutex);
            batch->swap(m_pending);
            m_queued = false;
        }
        for (Pending &item : *batch)
            item.outcome.emplace(error);
    };
    job.deliver = [batch] {
        for (Pending &item : *batch) {
            if (!item.context || !item.outcome)
                continue;
            QMetaObject::invokeMethod(
                    item.context.data(),
                    [done = std::move(item.done), outcome = std::move(*item.outcome), answered = item.answered]() mutable {
                        if (!std::exchange(*answered, true))
                            done(std::move(outcome));
                    },
                    Qt::QueuedConnection);
        }
    };
    m_database.enqueue(std::move(job));
}

} // namespace wf
