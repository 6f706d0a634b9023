#pragma once

#include "core/callback.h"
#include "page.h"
#include "runquery.h"
#include "runrecord.h"
#include "triggerrequest.h"

#include <QObject>

namespace wf {

namespace db {
class Database;
}

// Workflow runs in PostgreSQL. Every method is asynchronous: the callback runs on `context`'s
// thread.
class RunStore
{
public:
    explicit RunStore(db::Database &database);

    // Inserts the run (pending) and its workflow.trigger outbox message in one transaction. With
    // an idempotency key already used: the earlier run when the request is the same, else a conflict.
    void trigger(QObject *context, const TriggerRequest &request, Callback<TriggerOutcome> done);
    void get(QObject *context, const QString &runId, Callback<RunRecord> done);
    void list(QObject *context, const RunQuery &query, Callback<Page<RunRecord>> done);

    static Error runNotFound();

private:
    db::Database &m_database;
};

} // namespace wf
