#pragma once

#include "core/callback.h"
#include "page.h"
#include "workflowrecord.h"

#include <QObject>

namespace wf {

class ChangeSink;
struct WorkflowDefinition;

namespace db {
class Database;
}

// Workflow definitions and their versions in PostgreSQL. Every method is asynchronous: the
// callback runs on `context`'s thread, after `changes` (when given; it must belong to that
// thread) heard what the committed change made stale.
class WorkflowStore
{
public:
    explicit WorkflowStore(db::Database &database, ChangeSink *changes = nullptr);

    void create(QObject *context, const WorkflowDefinition &definition, Callback<WorkflowRecord> done);
    void get(QObject *context, const QString &uuid, Callback<WorkflowRecord> done);
    void list(QObject *context, const PageRequest &page, Callback<Page<WorkflowRecord>> done);
    // Saves a new version; runs already triggered keep the version they started with.
    void update(QObject *context, const QString &uuid, const WorkflowDefinition &definition,
                Callback<WorkflowRecord> done);
    // Soft delete: later triggers get 404, existing runs stay readable.
    void remove(QObject *context, const QString &uuid, Callback<Done> done);

    // The seed's answer for an unknown workflow: 404 "Workflow <id> not found".
    static Error workflowNotFound(const QString &id);

private:
    db::Database &m_database;
    ChangeSink *m_changes;
};

} // namespace wf
