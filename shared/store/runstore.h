#pragma once

#include "core/callback.h"
#include "page.h"
#include "runquery.h"
#include "runrecord.h"
#include "triggerrequest.h"

#include <QObject>

#include <memory>

namespace wf {

struct RunCancellation
{
    RunRecord run;
    OutboxMessage message; // workflow.completed
};

class TriggerBatcher;
namespace db {
class Database;
}

// Workflow runs in PostgreSQL. Every method is asynchronous: the callback runs on `context`'s
// thread.
class RunStore
{
public:
    explicit RunStore(db::Database &database);
    ~RunStore();

    // Inserts the run (pending) and its workflow.trigger outbox message in one transaction. With
    // an idempotency key already used: the earlier run when the request is the same, else a conflict.
    void trigger(QObject *context, const TriggerRequest &request, Callback<TriggerOutcome> done);
    void get(QObject *context, const QString &runId, Callback<RunRecord> done);
    // A pending or running run becomes cancelled (a worker executing it stops before its next
    // step); its workflow.completed message is written with it. Terminal runs: a conflict.
    void cancel(QObject *context, const QString &runId, Callback<RunCancellation> done);
    // A new pending run of a failed or cancelled one: same workflow version and payload, the
    // results of the steps that succeeded copied, so execution resumes at the first failed step.
    void retry(QObject *context, const QString &runId, const QByteArray &traceparent, Callback<TriggerOutcome> done);
    void list(QObject *context, const RunQuery &query, Callback<Page<RunRecord>> done);

    static Error runNotFound();

private:
    db::Database &m_database;
    std::unique_ptr<TriggerBatcher> m_batcher;
};

} // namespace wf
