// wf-dbstress: hammers a database URL from one process with many concurrent clients for a while
// and prints {"operations": n, "errors": n, "first_error": "…"} — the load behind
// tst_pgbouncer's proof that the database layer is safe under PgBouncer transaction pooling.
//
//   wf-dbstress --url URL --clients N --seconds S [--mode layer|naive-prepare]
//
// "layer": N connections of the project's database pool, each kept busy with the API's real
// statements (create workflow, trigger, read run, list runs). "naive-prepare": N threads using
// QSqlQuery::prepare() outside a transaction, the pattern that breaks under transaction pooling; the
// test runs it to show that this harness does detect the failure it guards against.
#include "core/json.h"
#include "db/database.h"
#include "store/runstore.h"
#include "store/triggerbatcher.h"
#include "store/workflowstore.h"
#include "steps/builtinsteps.h"
#include "workflow/workflowdefinition.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct Totals
{
    std::atomic<qint64> operations{0};
    std::atomic<qint64> errors{0};
    QString firstError;
    QMutex mutex;

    void fail(const QString &error)
    {
        if (errors.fetch_add(1) == 0) {
            QMutexLocker lock(&mutex);
            firstError = error;
        }
    }
};

// Keeps `depth` operations in flight through the project's stores until the deadline.
class LayerLoad : public QObject
{
public:
    LayerLoad(wf::db::Database &database, Totals &totals, int depth, qint64 deadlineMs)
        : m_workflows(database), m_triggers(database), m_runs(database, m_triggers), m_totals(totals), m_deadlineMs(deadlineMs)
    {
        m_clock.start();
        const auto definition = wf::WorkflowDefinition::fromJson(wf::json::parse(
                R"({"id":"stress","name":"stress","steps":[{"name":"t","type":"transform","config":{"output":{"x":"${payload.n}"}}}]})")
                                                                         .value(), wf::steps::builtinSteps());
        m_definition = std::make_unique<wf::WorkflowDefinition>(definition.value());
        for (int i = 0; i < depth; ++i)
            next(i);
    }

    bool finished() const { return m_active == 0 && m_clock.elapsed() >= m_deadlineMs; }

private:
    void next(int slot)
    {
        if (m_clock.elapsed() >= m_deadlineMs)
            return;
        ++m_active;
        auto done = [this, slot](bool ok, const QString &error) {
            --m_active;
            if (ok)
                ++m_totals.operations;
            else
                m_totals.fail(error);
            next(slot + 1);
        };
        switch (slot % 4) {
        case 0:
            m_workflows.create(this, *m_definition, [this, done](wf::Result<wf::WorkflowRecord> r) {
                if (r)
                    m_lastWorkflow = r->uuid;
                done(r.ok(), r.ok() ? QString() : r.error().detail());
            });
            break;
        case 1: {
            if (m_lastWorkflow.isEmpty())
                return done(true, {});
            wf::TriggerRequest request;
            request.workflowId = m_lastWorkflow;
            request.payload = {{u"n"_s, slot}};
            m_runs.trigger(this, request, [this, done](wf::Result<wf::TriggerOutcome> r) {
                if (r)
                    m_lastRun = r->runId;
                done(r.ok(), r.ok() ? QString() : r.error().detail());
            });
            break;
        }
        case 2:
            if (m_lastRun.isEmpty())
                return done(true, {});
            m_runs.get(this, m_lastRun, [done](wf::Result<wf::RunRecord> r) { done(r.ok(), r.ok() ? QString() : r.error().detail()); });
            break;
        default: {
            wf::RunQuery query;
            query.page.limit = 20;
            m_runs.list(this, query, [done](wf::Result<wf::Page<wf::RunRecord>> r) {
                done(r.ok(), r.ok() ? QString() : r.error().detail());
            });
        }
        }
    }

    wf::WorkflowStore m_workflows;
    wf::TriggerBatcher m_triggers;
    wf::RunStore m_runs;
    Totals &m_totals;
    qint64 m_deadlineMs;
    QElapsedTimer m_clock;
    std::unique_ptr<wf::WorkflowDefinition> m_definition;
    QString m_lastWorkflow;
    QString m_lastRun;
    int m_active = 0;
};

// The unsafe pattern: one QSqlDatabase per thread, prepare() in autocommit mode, then exec().
class NaiveClient : public QThread
{
public:
    NaiveClient(wf::db::DatabaseUrl url, Totals &totals, int index, qint64 deadlineMs)
        : m_url(std::move(url)), m_totals(totals), m_index(index), m_deadlineMs(deadlineMs)
    {
    }

protected:
    void run() override
    {
        const QString name = u"naive-%1"_s.arg(m_index);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
            db.setHostName(m_url.host);
            db.setPort(m_url.port);
            db.setUserName(m_url.user);
            db.setDatabaseName(m_url.database);
            if (!db.open()) {
                m_totals.fail(db.lastError().text());
                return;
            }
            QElapsedTimer clock;
            clock.start();
            while (clock.elapsed() < m_deadlineMs) {
                QSqlQuery query(db);
                if (!query.prepare(u"SELECT count(*) FROM workflow_runs WHERE status = ?"_s)) {
                    m_totals.fail(query.lastError().text());
                    continue;
                }
                query.addBindValue(u"pending"_s);
                if (query.exec() && query.next())
                    ++m_totals.operations;
                else
                    m_totals.fail(query.lastError().text());
            }
        }
        QSqlDatabase::removeDatabase(name);
    }

private:
    wf::db::DatabaseUrl m_url;
    Totals &m_totals;
    int m_index;
    qint64 m_deadlineMs;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption urlOption(u"url"_s, u"Database URL."_s, u"url"_s);
    const QCommandLineOption clientsOption(u"clients"_s, u"Concurrent connections."_s, u"n"_s, u"25"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Duration."_s, u"s"_s, u"10"_s);
    const QCommandLineOption modeOption(u"mode"_s, u"layer or naive-prepare."_s, u"mode"_s, u"layer"_s);
    parser.addOptions({urlOption, clientsOption, secondsOption, modeOption});
    parser.process(app);

    const auto url = wf::db::DatabaseUrl::parse(parser.value(urlOption));
    if (!url) {
        std::fprintf(stderr, "%s\n", qPrintable(url.error().detail()));
        return 2;
    }
    const int clients = parser.value(clientsOption).toInt();
    const qint64 deadlineMs = parser.value(secondsOption).toLongLong() * 1000;
    Totals totals;
    QElapsedTimer clock;
    clock.start();

    if (parser.value(modeOption) == u"naive-prepare"_s) {
        std::vector<std::unique_ptr<NaiveClient>> threads;
        for (int i = 0; i < clients; ++i) {
            threads.push_back(std::make_unique<NaiveClient>(*url, totals, i, deadlineMs));
            threads.back()->start();
        }
        for (auto &thread : threads)
            thread->wait();
    } else {
        // One job in flight per connection and as many again queued, so that batches form.
        wf::db::Database database(*url, clients, 64);
        LayerLoad load(database, totals, clients * 2, deadlineMs);
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &app, [&] {
            if (load.finished())
                app.quit();
        });
        poll.start(20);
        app.exec();
    }

    const QJsonObject summary{{u"operations"_s, totals.operations.load()},
                              {u"errors"_s, totals.errors.load()},
                              {u"first_error"_s, totals.firstError},
                              {u"seconds"_s, clock.elapsed() / 1000.0},
                              {u"clients"_s, clients}};
    std::printf("%s\n", wf::json::serialize(summary).constData());
    return 0;
}
