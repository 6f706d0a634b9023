#pragma once

#include "core/callback.h"
#include "page.h"
#include "runquery.h"
#include "runevent.h"
#include "runrecord.h"
#include "stuckrun.h"
#include "triggerrequest.h"

#include <QObject>

#include <memory>

namespace wf {

class ChangeSink;
class TriggerBatcher;
namespace db {
class Database;
}

// Workflow runs in PostgreSQL. Every method is asynchronous: the callback runs on `context`'s
// thread, after `changes` (when given; it must belong to that thread) heard what the committed
// change made stale and which messages it wrote. Triggers without an Idempotency-Key go through
// `triggers`, which the stores of all API threads share.
class RunStore
{
public:
    RunStore(db::Database &database, TriggerBatcher &triggers, ChangeSink *changes = nullptr);

    // Inserts the run (pending) and its workflow.trigger outbox message in one transaction. With
    // an idempotency key already used: the earlier run when the request is the same, else a conflict.
    void trigger(QObject *context, const TriggerRequest &request, Callback<TriggerOutcome> done);
    void get(QObject *context, const QString &runId, Callback<RunRecord> done);
    // A pending or running run becomes cancelled (a worker executing it stops before its next
    // step); its workflow.completed message is written with it. Terminal runs: a conflict.
    void cancel(QObject *context, const QString &runId, Callback<RunRecord> done);
    // A new pending run of a failed or cancelled one: same workflow version and payload, the
    // results of the steps that succeeded copied, so execution resumes at the first failed step.
    // While an earlier retry of the run is not terminal, that retry is the answer (replayed), so
    // two concurrent retries make one run; with an idempotency key, the run an earlier retry
    // with the same key made is the answer.
    void retry(QObject *context, const QString &runId, const QString &idempotencyKey, const QByteArray &traceparent,
               Callback<TriggerOutcome> done);
    void list(QObject *context, const RunQuery &query, Callback<Page<RunRecord>> done);
    // Runs pending longer than `pendingSeconds` since their last trigger message, and running
    // ones whose lease expired; the longest stuck first, at most `limit`.
    void stuck(QObject *context, int pendingSeconds, int limit, Callback<QList<StuckRun>> done);
    // Puts a stuck run back: pending, lease cleared, a new workflow.trigger message; recorded in
    // run_events with `instance`. Idempotent on a pending run (it is published again). A run
    // running under a live lease, or finished, is a conflict.
    void requeue(QObject *context, const QString &runId, const QString &instance, Callback<RunRecord> done);

    // The timeline of a run, oldest first (at most `limit` events), with its traceparent.
    struct Timeline
    {
        QByteArray traceparent;
        QList<RunEvent> events;
    };
    void events(QObject *context, const QString &runId, int limit, Callback<Timeline> done);

    static Error runNotFound();

private:
    db::Database &m_database;
    TriggerBatcher &m_batcher;
    ChangeSink *m_changes;
};

} // namespace wf
