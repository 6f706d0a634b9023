#include "workflowstore.h"

#include "secretredaction.h"

#include "changesink.h"

#include "db/database.h"
#include "db/dbconnection.h"
#include "workflow/workflowdefinition.h"

#include "core/ids.h"

using namespace Qt::StringLiterals;

namespace wf {

namespace {

#define WF_WORKFLOW_COLUMNS                                                                              \
    "uuid, id, name, description, steps, version, (extract(epoch FROM created_at) * 1000000)::int8, " \
    "(extract(epoch FROM updated_at) * 1000000)::int8"

WorkflowRecord recordAt(const db::DbResult &result, int row)
{
    WorkflowRecord record;
    record.uuid = result.text(row, 0);
    if (!result.isNull(row, 1))
        record.id = result.text(row, 1);
    record.name = result.text(row, 2);
    if (!result.isNull(row, 3))
        record.description = result.text(row, 3);
    record.steps = result.json(row, 4).toArray();
    record.version = result.int32(row, 5);
    record.createdAtMicros = result.int64(row, 6);
    record.updatedAtMicros = result.int64(row, 7);
    return record;
}

} // namespace

WorkflowStore::WorkflowStore(db::Database &database, ChangeSink *changes) : m_database(database), m_changes(changes) { }

Error WorkflowStore::workflowNotFound(const QString &id)
{
    // Clients may send anything as an id; the message quotes at most a sensible length of it.
    return Error::notFound(u"Workflow %1 not found"_s.arg(id.left(64)));
}

void WorkflowStore::create(QObject *context, const WorkflowDefinition &definition, Callback<WorkflowRecord> done)
{
    // A new workflow has nothing stored that "[redacted]" could stand for.
    if (const Result<QJsonArray> checked = SecretRedaction::restored(definition.stepsToJson(), {}); !checked) {
        done(checked.error());
        return;
    }
    m_database.write(
            context,
            [uuid = ids::create(), id = definition.id, name = definition.name, description = definition.description,
             steps = definition.stepsToJson()](db::DbConnection &connection) {
                const db::DbResult result = connection.exec(
                        "WITH d AS (INSERT INTO workflow_definitions (uuid, id, name, description, steps)"
                        "           VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING *),"
                        " v AS (INSERT INTO workflow_versions (workflow_uuid, version, name, description, steps, created_at)"
                        "       SELECT uuid, version, name, description, steps, created_at FROM d)"
                        " SELECT " WF_WORKFLOW_COLUMNS " FROM d",
                        {uuid, id, name, description, steps});
                return recordAt(result, 0);
            },
            std::move(done));
}

void WorkflowStore::get(QObject *context, const QString &uuid, Callback<WorkflowRecord> done)
{
    m_database.read(
            context,
            [uuid](db::DbConnection &connection) -> Result<WorkflowRecord> {
                const db::DbResult result = connection.exec(
                        "SELECT " WF_WORKFLOW_COLUMNS " FROM workflow_definitions WHERE uuid = $1 AND deleted_at IS NULL",
                        {uuid});
                if (result.rows() == 0)
                    return workflowNotFound(uuid);
                return recordAt(result, 0);
            },
            std::move(done));
}

void WorkflowStore::list(QObject *context, const PageRequest &page, Callback<Page<WorkflowRecord>> done)
{
    m_database.read(
            context,
            [page = page](db::DbConnection &connection) mutable -> Result<Page<WorkflowRecord>> {
                if (!page.afterId.isEmpty()) {
                    const db::DbResult seen = connection.exec(
                            "SELECT (extract(epoch FROM created_at) * 1000000)::int8 FROM workflow_definitions"
                            " WHERE uuid = $1 AND deleted_at IS NULL",
                            {page.afterId});
                    if (seen.rows() == 0)
                        return Error::invalid(u"cursor: no workflow has the id %1"_s.arg(page.afterId));
                    page.cursor = PageCursor{seen.int64(0, 0), page.afterId};
                }
                const std::optional<qint64> micros =
                        page.cursor ? std::optional<qint64>(page.cursor->micros) : std::nullopt;
                const std::optional<QString> after = page.cursor ? std::optional<QString>(page.cursor->id) : std::nullopt;
                const db::DbResult result = connection.exec(
                        "SELECT " WF_WORKFLOW_COLUMNS " FROM workflow_definitions WHERE deleted_at IS NULL"
                        " AND ($1::int8 IS NULL OR (created_at, uuid) <"
                        "      (timestamptz 'epoch' + $1::int8 * interval '1 microsecond', $2::varchar))"
                        " ORDER BY created_at DESC, uuid DESC LIMIT $3",
                        {micros, after, page.limit + 1});
                Page<WorkflowRecord> out;
                out.limit = page.limit;
                for (int row = 0; row < result.rows() && row < page.limit; ++row)
                    out.items.append(recordAt(result, row));
                if (result.rows() > page.limit)
                    out.next = PageCursor{out.items.last().createdAtMicros, out.items.last().uuid};
                return out;
            },
            std::move(done));
}

void WorkflowStore::update(QObject *context, const QString &uuid, const WorkflowDefinition &definition,
                           Callback<WorkflowRecord> done)
{
    m_database.write(
            context,
            [uuid, id = definition.id, name = definition.name, description = definition.description,
             incoming = definition.stepsToJson()](db::DbConnection &connection) -> Result<WorkflowRecord> {
                // "[redacted]" header values keep what is stored (the client saw only the marker).
                const db::DbResult current = connection.exec(
                        "SELECT steps FROM workflow_definitions WHERE uuid = $1 AND deleted_at IS NULL FOR UPDATE", {uuid});
                if (current.rows() == 0)
                    return workflowNotFound(uuid);
                const Result<QJsonArray> steps = SecretRedaction::restored(incoming, current.json(0, 0).toArray());
                if (!steps)
                    return steps.error();
                const db::DbResult result = connection.exec(
                        "WITH d AS (UPDATE workflow_definitions SET id = $2, name = $3, description = $4,"
                        "           steps = $5::jsonb, version = version + 1, updated_at = clock_timestamp()"
                        "           WHERE uuid = $1 AND deleted_at IS NULL RETURNING *),"
                        " v AS (INSERT INTO workflow_versions (workflow_uuid, version, name, description, steps, created_at)"
                        "       SELECT uuid, version, name, description, steps, updated_at FROM d)"
                        " SELECT " WF_WORKFLOW_COLUMNS " FROM d",
                        {uuid, id, name, description, *steps});
                if (result.rows() == 0)
                    return workflowNotFound(uuid);
                return recordAt(result, 0);
            },
            afterCommit(m_changes, std::move(done), [uuid](const WorkflowRecord &) { return Change{{}, {uuid}, {}}; }));
}

void WorkflowStore::remove(QObject *context, const QString &uuid, Callback<Done> done)
{
    m_database.write(
            context,
            [uuid](db::DbConnection &connection) -> Result<Done> {
                const db::DbResult result = connection.exec(
                        "UPDATE workflow_definitions SET deleted_at = clock_timestamp()"
                        " WHERE uuid = $1 AND deleted_at IS NULL",
                        {uuid});
                if (result.affected() == 0)
                    return workflowNotFound(uuid);
                return Done{};
            },
            afterCommit(m_changes, std::move(done), [uuid](const Done &) { return Change{{}, {uuid}, {}}; }));
}

} // namespace wf
