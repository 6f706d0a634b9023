// The REST API end to end: a real wf-server process on a real PostgreSQL behind PgBouncer,
// driven over HTTP. Seed-compatible shapes, versions, idempotency, pagination, and every kind of
// bad input getting its 4xx with a detail while changing nothing.
#include "httpclient.h"
#include "serverprocess.h"
#include "testcluster.h"

#include "core/json.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QtConcurrent/QtConcurrent>
#include <QElapsedTimer>
#include <QtTest>

#include <csignal>

using namespace Qt::StringLiterals;
using wf::test::HttpClient;
using wf::test::HttpResult;

namespace {

QJsonObject exampleWorkflow(const QString &label = u"example_workflow"_s)
{
    QJsonObject object = wf::json::parse("{\"id\": \"x\", \"name\": \"Example\", \"description\": \"from the architecture\",\n"
"        \"steps\": [\n"
"          {\"name\": \"wait\", \"type\": \"delay\", \"config\": {\"duration\": 2}},\n"
"          {\"name\": \"notify\", \"type\": \"webhook\",\n"
"           \"config\": {\"url\": \"http://127.0.0.1:9000/hook\", \"method\": \"POST\",\n"
"                      \"headers\": {\"Content-Type\": \"application/json\"},\n"
"                      \"body\": {\"user\": \"${payload.user_id}\", \"prev\": \"${steps.wait.output.duration}\"}},\n"
"           \"retry\": {\"max_attempts\": 3, \"initial_backoff_ms\": 200, \"multiplier\": 2.0, \"max_backoff_ms\": 5000},\n"
"           \"timeout_ms\": 10000}]}")
                                 .value()
                                 .toObject();
    object.insert(u"id"_s, label);
    return object;
}

const QRegularExpression kId(u"^[0-9a-f]{32}$"_s);
const QRegularExpression kTime(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$"_s);

} // namespace

class TestApi : public QObject
{
    Q_OBJECT

private:
    wf::test::TestCluster m_cluster;
    wf::test::ServerProcess m_server;
    std::unique_ptr<HttpClient> m_http;

    QString createWorkflow(const QJsonObject &definition = exampleWorkflow())
    {
        const HttpResult created = m_http->postJson(u"/api/v1/workflows"_s, definition);
        if (created.status != 200)
            qWarning() << "create failed" << created.status << created.body;
        return created.object().value(u"workflow_id"_s).toString();
    }

    QString trigger(const QString &workflowId, const QJsonObject &payload = {}, const QByteArray &key = {})
    {
        QHash<QByteArray, QByteArray> headers;
        if (!key.isEmpty())
            headers.insert("Idempotency-Key", key);
        const HttpResult result = m_http->postJson(u"/api/v1/trigger"_s,
                                                   QJsonObject{{u"workflow_id"_s, workflowId}, {u"payload"_s, payload}}, headers);
        return result.object().value(u"run_id"_s).toString();
    }

    // Row counts that no rejected request may change.
    QString counts()
    {
        return m_cluster.scalar(u"SELECT (SELECT count(*) FROM workflow_definitions) || '/' || "
                                "(SELECT count(*) FROM workflow_versions) || '/' || (SELECT count(*) FROM workflow_runs)"
                                " || '/' || (SELECT count(*) FROM outbox) || '/' || "
                                "(SELECT count(*) FROM workflow_definitions WHERE deleted_at IS NOT NULL)"_s);
    }

    // The bootstrap operator key of this suite's server (WF_ADMIN_TOKEN).
    static constexpr const char *kAdminToken = "api-test-bootstrap-operator-key-0123456789";

private Q_SLOTS:
    void initTestCase()
    {
        wf::test::TestCluster::Options options;
        options.pgbouncer = true;
        QString error = m_cluster.start(options);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QProcessEnvironment environment;
        environment.insert(u"WF_HTTP_MAX_BODY_BYTES"_s, u"65536"_s);
        environment.insert(u"WF_HTTP_THREADS"_s, u"2"_s);
        environment.insert(u"WF_ADMIN_TOKEN"_s, QString::fromLatin1(kAdminToken));
        error = m_server.start(m_cluster.databaseUrl(), environment);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_http = std::make_unique<HttpClient>(m_server.url());
    }

    void cleanupTestCase()
    {
        m_server.stop();
    }

    void rootAndHealth()
    {
        HttpResult root = m_http->get(u"/"_s);
        QCOMPARE(root.status, 200);
        QCOMPARE(root.object().value(u"message"_s).toString(), u"Workflow Automation Platform"_s);
        QVERIFY(!root.headers.value("x-instance-id").isEmpty());
        HttpResult health = m_http->get(u"/health"_s);
        QCOMPARE(health.status, 200);
        QCOMPARE(health.object(), QJsonObject({{u"status"_s, u"ok"_s}}));
        HttpResult ready = m_http->get(u"/health/ready"_s);
        QCOMPARE(ready.status, 200);
        QCOMPARE(ready.object().value(u"checks"_s).toObject().value(u"database"_s).toString(), u"ok"_s);
    }

    void createGetAndListWorkflows()
    {
        const HttpResult created = m_http->postJson(u"/api/v1/workflows"_s, exampleWorkflow());
        QCOMPARE(created.status, 200);
        QCOMPARE(created.object().value(u"message"_s).toString(), u"Workflow created successfully"_s);
        const QString id = created.object().value(u"workflow_id"_s).toString();
        QVERIFY(kId.match(id).hasMatch());

        const HttpResult got = m_http->get(u"/api/v1/workflows/"_s + id);
        QCOMPARE(got.status, 200);
        const QJsonObject workflow = got.object();
        QCOMPARE(workflow.value(u"uuid"_s).toString(), id);
        QCOMPARE(workflow.value(u"id"_s).toString(), u"example_workflow"_s);
        QCOMPARE(workflow.value(u"name"_s).toString(), u"Example"_s);
        QCOMPARE(workflow.value(u"description"_s).toString(), u"from the architecture"_s);
        QCOMPARE(workflow.value(u"version"_s).toInt(), 1);
        QCOMPARE(workflow.value(u"steps"_s).toArray().size(), 2);
        QCOMPARE(workflow.value(u"steps"_s).toArray().at(1).toObject().value(u"config"_s).toObject().value(u"url"_s).toString(),
                 u"http://127.0.0.1:9000/hook"_s);
        QVERIFY(kTime.match(workflow.value(u"created_at"_s).toString()).hasMatch());

        // The dashed form of an id is the same workflow.
        const QString dashed = id.left(8) + u'-' + id.mid(8, 4) + u'-' + id.mid(12, 4) + u'-' + id.mid(16, 4) + u'-' + id.mid(20);
        QCOMPARE(m_http->get(u"/api/v1/workflows/"_s + dashed.toUpper()).status, 200);

        // The seed's load test posts the same client id many times: each is a new workflow.
        const QString second = createWorkflow();
        QVERIFY(!second.isEmpty());
        QVERIFY(second != id);

        const HttpResult listed = m_http->get(u"/api/v1/workflows?limit=1"_s);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.object().value(u"items"_s).toArray().size(), 1);
        QCOMPARE(listed.object().value(u"items"_s).toArray().at(0).toObject().value(u"uuid"_s).toString(), second);
        QCOMPARE(listed.object().value(u"limit"_s).toInt(), 1);
        const QString cursor = listed.object().value(u"next_cursor"_s).toString();
        QVERIFY(!cursor.isEmpty());
        const HttpResult page2 = m_http->get(u"/api/v1/workflows?limit=1&cursor="_s + cursor);
        QCOMPARE(page2.object().value(u"items"_s).toArray().at(0).toObject().value(u"uuid"_s).toString(), id);
    }

    void updateCreatesVersionsAndRunsKeepTheirs()
    {
        const QString id = createWorkflow();
        const QString before = trigger(id);
        QJsonObject changed = exampleWorkflow(u"renamed"_s);
        changed.insert(u"name"_s, u"Example v2"_s);
        const HttpResult updated = m_http->putJson(u"/api/v1/workflows/"_s + id, changed);
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.object().value(u"version"_s).toInt(), 2);
        QCOMPARE(updated.object().value(u"name"_s).toString(), u"Example v2"_s);
        const HttpResult got = m_http->get(u"/api/v1/workflows/"_s + id);
        QCOMPARE(got.object().value(u"version"_s).toInt(), 2);
        QCOMPARE(got.object().value(u"id"_s).toString(), u"renamed"_s);
        const QString after = trigger(id);
        QCOMPARE(m_http->get(u"/api/v1/runs/"_s + before).object().value(u"workflow_version"_s).toInt(), 1);
        QCOMPARE(m_http->get(u"/api/v1/runs/"_s + after).object().value(u"workflow_version"_s).toInt(), 2);
        QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM workflow_versions WHERE workflow_uuid = '%1'"_s.arg(id)), u"2"_s);
        // Unknown id.
        const HttpResult missing = m_http->putJson(u"/api/v1/workflows/0123456789abcdef0123456789abcdef"_s, changed);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.detail(), u"Workflow 0123456789abcdef0123456789abcdef not found"_s);
    }

    void deleteHidesWorkflowButKeepsRuns()
    {
        const QString id = createWorkflow();
        const QString run = trigger(id);
        const HttpResult removed = m_http->del(u"/api/v1/workflows/"_s + id);
        QCOMPARE(removed.status, 204);
        QVERIFY(removed.body.isEmpty());
        QCOMPARE(m_http->get(u"/api/v1/workflows/"_s + id).status, 404);
        QCOMPARE(m_http->del(u"/api/v1/workflows/"_s + id).status, 404);
        const HttpResult triggered = m_http->postJson(u"/api/v1/trigger"_s, QJsonObject{{u"workflow_id"_s, id}});
        QCOMPARE(triggered.status, 404);
        QCOMPARE(triggered.detail(), u"Workflow %1 not found"_s.arg(id));
        QCOMPARE(m_http->get(u"/api/v1/runs/"_s + run).status, 200);
    }

    void triggerAndReadRun()
    {
        const QString id = createWorkflow();
        const HttpResult triggered = m_http->postJson(u"/api/v1/trigger"_s,
                                                      QJsonObject{{u"workflow_id"_s, id}, {u"payload"_s, QJsonObject{{u"user_id"_s, 42}}}});
        QCOMPARE(triggered.status, 200);
        QCOMPARE(triggered.object().value(u"status"_s).toString(), u"triggered"_s);
        const QString runId = triggered.object().value(u"run_id"_s).toString();
        QVERIFY(kId.match(runId).hasMatch());

        const HttpResult run = m_http->get(u"/api/v1/runs/"_s + runId);
        QCOMPARE(run.status, 200);
        const QJsonObject object = run.object();
        QCOMPARE(object.value(u"uuid"_s).toString(), runId);
        QCOMPARE(object.value(u"id"_s).toString(), runId);
        QCOMPARE(object.value(u"run_id"_s).toString(), runId);
        QCOMPARE(object.value(u"workflow_id"_s).toString(), id);
        QCOMPARE(object.value(u"workflow_version"_s).toInt(), 1);
        QCOMPARE(object.value(u"status"_s).toString(), u"pending"_s);
        QCOMPARE(object.value(u"payload"_s).toObject(), QJsonObject({{u"user_id"_s, 42}}));
        QVERIFY(kTime.match(object.value(u"started_at"_s).toString()).hasMatch());
        QVERIFY(object.value(u"completed_at"_s).isNull());
        QVERIFY(object.value(u"error"_s).isNull());
        QVERIFY(object.value(u"step_results"_s).isObject());

        // Payload defaults to {}.
        const HttpResult bare = m_http->postJson(u"/api/v1/trigger"_s, QJsonObject{{u"workflow_id"_s, id}});
        QCOMPARE(bare.status, 200);
        QCOMPARE(m_http->get(u"/api/v1/runs/"_s + bare.object().value(u"run_id"_s).toString()).object().value(u"payload"_s).toObject(),
                 QJsonObject());
        // The run and its outbox message were written together.
        QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM outbox WHERE message_key = '%1' AND topic = 'workflow.trigger'"_s.arg(runId)),
                 u"1"_s);

        const HttpResult missing = m_http->get(u"/api/v1/runs/0123456789abcdef0123456789abcdef"_s);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.detail(), u"Workflow run not found"_s);
        QCOMPARE(m_http->get(u"/api/v1/runs/not-an-id"_s).detail(), u"Workflow run not found"_s);
    }

    void idempotencyKeyReturnsTheSameRun()
    {
        const QString id = createWorkflow();
        const QByteArray key = "order-" + QByteArray::number(QRandomGenerator::global()->generate());
        const QJsonObject body{{u"workflow_id"_s, id}, {u"payload"_s, QJsonObject{{u"n"_s, 1}}}};
        const HttpResult first = m_http->postJson(u"/api/v1/trigger"_s, body, {{"Idempotency-Key", key}});
        const HttpResult second = m_http->postJson(u"/api/v1/trigger"_s, body, {{"Idempotency-Key", key}});
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.object().value(u"run_id"_s), first.object().value(u"run_id"_s));
        QCOMPARE(second.headers.value("idempotent-replayed"), QByteArray("true"));
        QVERIFY(!first.headers.contains("idempotent-replayed"));
        // Same key, different request: a conflict, and nothing written.
        const QString before = counts();
        const HttpResult other = m_http->postJson(u"/api/v1/trigger"_s,
                                                  QJsonObject{{u"workflow_id"_s, id}, {u"payload"_s, QJsonObject{{u"n"_s, 2}}}},
                                                  {{"Idempotency-Key", key}});
        QCOMPARE(other.status, 409);
        QVERIFY(!other.detail().isEmpty());
        QCOMPARE(counts(), before);
    }

    void concurrentTriggersWithOneKeyMakeOneRun()
    {
        const QString id = createWorkflow();
        const QByteArray key = "race-" + QByteArray::number(QRandomGenerator::global()->generate());
        const QUrl base = m_server.url();
        QList<QFuture<QString>> futures;
        for (int i = 0; i < 16; ++i) {
            futures.append(QtConcurrent::run([base, id, key] {
                HttpClient client(base);
                return client.postJson(u"/api/v1/trigger"_s, QJsonObject{{u"workflow_id"_s, id}}, {{"Idempotency-Key", key}})
                        .object()
                        .value(u"run_id"_s)
                        .toString();
            }));
        }
        QSet<QString> runIds;
        for (auto &future : futures)
            runIds.insert(future.result());
        QCOMPARE(runIds.size(), 1);
        QVERIFY(!runIds.begin()->isEmpty());
        QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM workflow_runs WHERE idempotency_key = '%1'"_s.arg(QString::fromLatin1(key))),
                 u"1"_s);
    }

    void runPagesAreNewestFirstAndStableUnderInserts()
    {
        const QString id = createWorkflow();
        QStringList created;
        for (int i = 0; i < 25; ++i)
            created.prepend(trigger(id, {{u"i"_s, i}}));
        // Page through while new runs keep arriving: no repeats, none of the 25 skipped, newest first.
        QStringList seen;
        QString cursor;
        QString previousTime;
        for (int page = 0; page < 10; ++page) {
            trigger(id, {{u"late"_s, page}});
            const HttpResult result = m_http->get(u"/api/v1/runs?limit=10&workflow_id=%1%2"_s.arg(
                    id, cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            QCOMPARE(result.status, 200);
            QCOMPARE(result.object().value(u"limit"_s).toInt(), 10);
            const QJsonArray items = result.object().value(u"items"_s).toArray();
            for (const QJsonValue &item : items) {
                const QString time = item.toObject().value(u"started_at"_s).toString();
                if (!previousTime.isEmpty())
                    QVERIFY(time <= previousTime);
                previousTime = time;
                seen.append(item.toObject().value(u"uuid"_s).toString());
            }
            const QJsonValue next = result.object().value(u"next_cursor"_s);
            if (next.isNull())
                break;
            cursor = next.toString();
        }
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), seen.size());
        for (const QString &run : std::as_const(created))
            QVERIFY2(seen.contains(run), qPrintable(run));
        // The first page started with the newest of the originals (only later ones before it).
        QVERIFY(seen.indexOf(created.first()) < seen.indexOf(created.last()));
    }

    void runFilters()
    {
        const QString id = createWorkflow();
        trigger(id);
        trigger(id);
        const HttpResult pending = m_http->get(u"/api/v1/runs?status=pending&workflow_id="_s + id);
        QCOMPARE(pending.status, 200);
        QCOMPARE(pending.object().value(u"items"_s).toArray().size(), 2);
        QVERIFY(pending.object().value(u"next_cursor"_s).isNull());
        const HttpResult success = m_http->get(u"/api/v1/runs?status=success&workflow_id="_s + id);
        QCOMPARE(success.object().value(u"items"_s).toArray().size(), 0);
        const HttpResult defaults = m_http->get(u"/api/v1/runs"_s);
        QCOMPARE(defaults.object().value(u"limit"_s).toInt(), 50);
    }

    void badInputGetsAClearErrorAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("detail"); // a fragment of the expected detail

        const QByteArray json = "application/json";
        const QString workflows = u"/api/v1/workflows"_s;
        const QString trigger = u"/api/v1/trigger"_s;
        QTest::addRow("malformed json") << QByteArray("POST") << workflows << json << QByteArray("{\"id\": ") << 400 << u"not valid JSON"_s;
        QTest::addRow("empty body") << QByteArray("POST") << workflows << json << QByteArray() << 400 << u"empty"_s;
        QTest::addRow("array body") << QByteArray("POST") << workflows << json << QByteArray("[]") << 400 << u"object"_s;
        QTest::addRow("missing name") << QByteArray("POST") << workflows << json << QByteArray("{\"id\":\"a\",\"steps\":[]}") << 400 << u"name"_s;
        QTest::addRow("wrong type id") << QByteArray("POST") << workflows << json << QByteArray("{\"id\":5,\"name\":\"n\",\"steps\":[]}") << 400 << u"id"_s;
        QTest::addRow("steps not array") << QByteArray("POST") << workflows << json << QByteArray("{\"id\":\"a\",\"name\":\"n\",\"steps\":{}}") << 400 << u"steps"_s;
        QTest::addRow("unknown step type") << QByteArray("POST") << workflows << json
                                           << QByteArray("{\"id\":\"a\",\"name\":\"n\",\"steps\":[{\"name\":\"s1\",\"type\":\"email\",\"config\":{}}]}") << 400
                                           << u"steps[0] 's1'"_s;
        QTest::addRow("duplicate step names") << QByteArray("POST") << workflows << json
                                              << QByteArray("{\"id\":\"a\",\"name\":\"n\",\"steps\":[{\"name\":\"s\",\"type\":\"log\",\"config\":{\"message\":\"x\"}},{\"name\":\"s\",\"type\":\"log\",\"config\":{\"message\":\"y\"}}]}")
                                              << 400 << u"duplicate"_s;
        QTest::addRow("delay without duration") << QByteArray("POST") << workflows << json
                                                << QByteArray("{\"id\":\"a\",\"name\":\"n\",\"steps\":[{\"name\":\"wait\",\"type\":\"delay\",\"config\":{}}]}") << 400
                                                << u"duration"_s;
        QTest::addRow("webhook bad url") << QByteArray("POST") << workflows << json
                                         << QByteArray("{\"id\":\"a\",\"name\":\"n\",\"steps\":[{\"name\":\"call\",\"type\":\"webhook\",\"config\":{\"url\":\"ftp://x\"}}]}")
                                         << 400 << u"steps[0] 'call': config.url"_s;
        QTest::addRow("template to later step") << QByteArray("POST") << workflows << json
                                                << QByteArray("{\"id\":\"a\",\"name\":\"n\",\"steps\":[{\"name\":\"a\",\"type\":\"log\",\"config\":{\"message\":\"${steps.b.output}\"}},{\"name\":\"b\",\"type\":\"log\",\"config\":{\"message\":\"x\"}}]}")
                                                << 400 << u"steps[0] 'a'"_s;
        QTest::addRow("bad retry") << QByteArray("POST") << workflows << json
                                   << QByteArray("{\"id\":\"a\",\"name\":\"n\",\"steps\":[{\"name\":\"a\",\"type\":\"log\",\"config\":{\"message\":\"x\"},\"retry\":{\"max_attempts\":0}}]}")
                                   << 400 << u"max_attempts"_s;
        QTest::addRow("text/plain") << QByteArray("POST") << workflows << QByteArray("text/plain") << QByteArray("{}") << 415 << u"application/json"_s;
        QTest::addRow("form") << QByteArray("POST") << trigger << QByteArray("application/x-www-form-urlencoded") << QByteArray("a=b") << 415
                              << u"application/json"_s;
        QTest::addRow("trigger unknown workflow") << QByteArray("POST") << trigger << json
                                                  << QByteArray("{\"workflow_id\":\"0123456789abcdef0123456789abcdef\"}") << 404
                                                  << u"Workflow 0123456789abcdef0123456789abcdef not found"_s;
        QTest::addRow("trigger malformed id") << QByteArray("POST") << trigger << json << QByteArray("{\"workflow_id\":\"nope\"}") << 404
                                              << u"Workflow nope not found"_s;
        QTest::addRow("trigger without workflow_id") << QByteArray("POST") << trigger << json << QByteArray("{\"payload\":{}}") << 400
                                                     << u"workflow_id is required"_s;
        QTest::addRow("trigger numeric workflow_id") << QByteArray("POST") << trigger << json << QByteArray("{\"workflow_id\":12}") << 400
                                                     << u"workflow_id must be a string"_s;
        QTest::addRow("trigger payload not object") << QByteArray("POST") << trigger << json
                                                    << QByteArray("{\"workflow_id\":\"0123456789abcdef0123456789abcdef\",\"payload\":[1]}") << 400
                                                    << u"payload must be a JSON object"_s;
        QTest::addRow("trigger payload with NUL") << QByteArray("POST") << trigger << json
                                                  << QByteArray("{\"workflow_id\":\"0123456789abcdef0123456789abcdef\",\"payload\":{\"a\":\"x\\u0000y\"}}")
                                                  << 400 << u"payload.a"_s;
        QTest::addRow("limit zero") << QByteArray("GET") << u"/api/v1/runs?limit=0"_s << QByteArray() << QByteArray() << 400 << u"limit"_s;
        QTest::addRow("limit too big") << QByteArray("GET") << u"/api/v1/runs?limit=201"_s << QByteArray() << QByteArray() << 400 << u"limit"_s;
        QTest::addRow("limit not a number") << QByteArray("GET") << u"/api/v1/workflows?limit=ten"_s << QByteArray() << QByteArray() << 400
                                            << u"limit"_s;
        QTest::addRow("bad cursor") << QByteArray("GET") << u"/api/v1/runs?cursor=zzz"_s << QByteArray() << QByteArray() << 400 << u"cursor"_s;
        QTest::addRow("bad status filter") << QByteArray("GET") << u"/api/v1/runs?status=done"_s << QByteArray() << QByteArray() << 400
                                           << u"status"_s;
        QTest::addRow("bad workflow filter") << QByteArray("GET") << u"/api/v1/runs?workflow_id=xyz"_s << QByteArray() << QByteArray() << 400
                                             << u"workflow_id"_s;
        QTest::addRow("unknown workflow") << QByteArray("GET") << u"/api/v1/workflows/0123456789abcdef0123456789abcdef"_s << QByteArray()
                                          << QByteArray() << 404 << u"not found"_s;
        QTest::addRow("unknown route") << QByteArray("GET") << u"/api/v2/anything"_s << QByteArray() << QByteArray() << 404 << u"Not Found"_s;
        QTest::addRow("wrong method") << QByteArray("DELETE") << u"/api/v1/trigger"_s << QByteArray() << QByteArray() << 405
                                      << u"Method Not Allowed"_s;
        QTest::addRow("too large") << QByteArray("POST") << workflows << json << QByteArray(70000, ' ') << 413 << u"65536"_s;
    }
    void badInputGetsAClearErrorAndChangesNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, detail);
        const QString before = counts();
        QHash<QByteArray, QByteArray> headers;
        if (!contentType.isEmpty())
            headers.insert("Content-Type", contentType);
        const HttpResult result = m_http->request(method, path, body, headers);
        QCOMPARE(result.status, status);
        QVERIFY2(result.detail().contains(detail), qPrintable(result.detail()));
        QCOMPARE(result.headers.value("content-type"), QByteArray("application/json"));
        QVERIFY(!result.headers.value("x-instance-id").isEmpty());
        QCOMPARE(counts(), before);
    }

    void methodNotAllowedSaysWhatIs()
    {
        const HttpResult result = m_http->request("PATCH", u"/api/v1/workflows"_s);
        QCOMPARE(result.status, 405);
        QCOMPARE(result.headers.value("allow"), QByteArray("POST, GET"));
    }

    void headHasNoBody()
    {
        const HttpResult result = m_http->request("HEAD", u"/health"_s);
        QCOMPARE(result.status, 200);
        QVERIFY(result.body.isEmpty());
        // The connection is still usable afterwards.
        QCOMPARE(m_http->get(u"/health"_s).status, 200);
    }

    void pipelinedResponsesKeepRequestOrder()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server.port()));
        QVERIFY(socket.waitForConnected(5000));
        // A database-backed request followed by one answered at once: answers must not overtake.
        QByteArray requests;
        for (int i = 0; i < 20; ++i) {
            requests += "GET /api/v1/runs?limit=200 HTTP/1.1\r\nHost: x\r\n\r\n";
            requests += "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
        }
        socket.write(requests);
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).count("HTTP/1.1 200") >= 40, 20000);
        // Responses alternate: a list (has "items") then a health body.
        qsizetype position = 0;
        for (int i = 0; i < 20; ++i) {
            const qsizetype items = received.indexOf("\"items\"", position);
            const qsizetype health = received.indexOf("{\"status\":\"ok\"}", position);
            QVERIFY(items >= 0 && health > items);
            position = health + 1;
        }
    }

    void clientsVanishingMidRequestDoNotHurtTheServer()
    {
        for (int i = 0; i < 300; ++i) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, quint16(m_server.port()));
            if (!socket.waitForConnected(2000))
                continue;
            socket.write("GET /api/v1/runs?limit=200 HTTP/1.1\r\nHost: x\r\n\r\n");
            socket.flush();
            socket.abort();
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_http->get(u"/health/ready"_s).status, 200, 10000);
        QVERIFY(m_server.running());
    }

    void connectionCloseIsHonoured()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server.port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
        QVERIFY(socket.readAll().contains("{\"status\":\"ok\"}"));
    }

    void oversizedBodiesAreRefusedBeforeTheyArrive()
    {
        const QString before = counts();
        {
            // 10 GB announced, nothing sent: the answer cannot wait for the body.
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, quint16(m_server.port()));
            QVERIFY(socket.waitForConnected(5000));
            socket.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
                         "POST /api/v1/workflows HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         "Content-Length: 10000000000\r\n\r\n{");
            QByteArray received;
            QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("HTTP/1.1 413"), 5000);
            // In order: the earlier request's answer first.
            QVERIFY(received.indexOf("HTTP/1.1 200") < received.indexOf("HTTP/1.1 413"));
            QVERIFY2(received.contains("request body of 10000000000 bytes is larger than the limit of 65536 bytes"),
                     received.constData());
            QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
        }
        {
            // Chunked, so no length to judge: refused once what arrived passes the limit.
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, quint16(m_server.port()));
            QVERIFY(socket.waitForConnected(5000));
            socket.write("POST /api/v1/trigger HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n");
            const QByteArray chunk = "4000\r\n" + QByteArray(0x4000, ' ') + "\r\n";
            QByteArray received;
            int sent = 0;
            while (sent < 64 && socket.state() == QAbstractSocket::ConnectedState && !received.contains("HTTP/1.1 413")) {
                socket.write(chunk);
                socket.waitForBytesWritten(1000);
                ++sent;
                socket.waitForReadyRead(20);
                received += socket.readAll();
            }
            QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("HTTP/1.1 413"), 5000);
            QVERIFY2(sent < 64, qPrintable(QString::number(sent))); // long before 1 MiB was sent
        }
        {
            // Blank lines before a request do not get a client past the check.
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, quint16(m_server.port()));
            QVERIFY(socket.waitForConnected(5000));
            socket.write(QByteArray(35 * 1024, '\r').replace('\r', "\r\n").left(70 * 1024));
            socket.write("POST /api/v1/workflows HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000000\r\n\r\n");
            QByteArray received;
            QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("HTTP/1.1 413"), 5000);
        }
        {
            // A head that never ends is refused too.
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, quint16(m_server.port()));
            QVERIFY(socket.waitForConnected(5000));
            socket.write("GET /health HTTP/1.1\r\nX-Long: " + QByteArray(70 * 1024, 'a'));
            QByteArray received;
            QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("HTTP/1.1 413"), 5000);
        }
        QCOMPARE(counts(), before);
        QCOMPARE(m_http->get(u"/health"_s).status, 200);
    }

    // The value of one sample in a Prometheus text exposition; -1 when absent.
    static double sample(const QByteArray &text, const QByteArray &series)
    {
        for (const QByteArray &line : text.split('\n')) {
            if (line.startsWith(QByteArray(series + ' ')))
                return line.mid(series.size() + 1).toDouble();
        }
        return -1;
    }

    void metricsMoveWithTraffic()
    {
        // Two API threads: the counters are the process's, whichever thread answered.
        const QByteArray health = R"(wf_http_requests_total{code="200",method="GET",route="/health"})";
        const QByteArray missing = R"(wf_http_requests_total{code="404",method="GET",route="unmatched"})";
        const QByteArray runRoute = R"(wf_http_requests_total{code="404",method="GET",route="/api/v1/runs/{id}"})";
        const HttpResult before = m_http->get(u"/metrics"_s);
        QCOMPARE(before.status, 200);
        QVERIFY(before.headers.value("content-type").startsWith("text/plain; version=0.0.4"));
        const double healthBefore = qMax(0.0, sample(before.body, health));
        const double missingBefore = qMax(0.0, sample(before.body, missing));
        const double runBefore = qMax(0.0, sample(before.body, runRoute));
        const double triggeredBefore = qMax(0.0, sample(before.body, "wf_runs_triggered_total"));
        for (int i = 0; i < 25; ++i)
            QCOMPARE(m_http->get(u"/health"_s).status, 200);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_http->get(u"/no/such/path/%1"_s.arg(i)).status, 404); // raw paths never become labels
        QCOMPARE(m_http->get(u"/api/v1/runs/0123456789abcdef0123456789abcdef"_s).status, 404);
        const QString workflow = createWorkflow();
        for (int i = 0; i < 4; ++i)
            QVERIFY(!trigger(workflow).isEmpty());
        const HttpResult after = m_http->get(u"/metrics"_s);
        QCOMPARE(sample(after.body, health), healthBefore + 25);
        QCOMPARE(sample(after.body, missing), missingBefore + 3);
        QCOMPARE(sample(after.body, runRoute), runBefore + 1);
        QCOMPARE(sample(after.body, "wf_runs_triggered_total"), triggeredBefore + 4);
        QVERIFY(sample(after.body, R"(wf_http_request_duration_seconds_count{method="GET",route="/health"})") >= 25);
        QVERIFY(!after.body.contains("/no/such/path"));
        QVERIFY(sample(after.body, "process_resident_memory_bytes") > 1e6);
        QVERIFY(sample(after.body, "process_open_fds") > 3);
    }

    void readinessAnswersWithinASecondWhenTheDatabaseHangs()
    {
        const qint64 pgbouncer = m_cluster.pgbouncerPid();
        QVERIFY(pgbouncer > 0);
        QVERIFY(wf::test::sendSignal(pgbouncer, SIGSTOP));
        QElapsedTimer clock;
        clock.start();
        const HttpResult hung = m_http->get(u"/health/ready"_s);
        const qint64 elapsed = clock.elapsed();
        wf::test::sendSignal(pgbouncer, SIGCONT);
        QCOMPARE(hung.status, 503);
        QCOMPARE(hung.object().value(u"checks"_s).toObject().value(u"database"_s).toString(), u"timeout"_s);
        QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
        // Liveness never asks the database.
        QTRY_COMPARE_WITH_TIMEOUT(m_http->get(u"/health/ready"_s).status, 200, 10000);
    }

    void secretHeaderValuesAreRedactedAndKept()
    {
        const QJsonObject headers{{u"Authorization"_s, u"Bearer live-secret-4f9e2c1d"_s},
                                  {u"X-Api-Key"_s, u"k-123"_s},
                                  {u"Content-Type"_s, u"application/json"_s},
                                  {u"X-Token"_s, u"${payload.token}"_s}};
        const QJsonArray steps{QJsonObject{{u"name"_s, u"call"_s},
                                           {u"type"_s, u"webhook"_s},
                                           {u"config"_s, QJsonObject{{u"url"_s, u"http://127.0.0.1:9/hook"_s}, {u"headers"_s, headers}}}}};
        const HttpResult created = m_http->postJson(u"/api/v1/workflows"_s, QJsonObject{{u"name"_s, u"secrets"_s}, {u"steps"_s, steps}});
        QCOMPARE(created.status, 200);
        const QString uuid = created.object().value(u"workflow_id"_s).toString();
        const auto shownHeaders = [](const QJsonObject &workflow) {
            return workflow.value(u"steps"_s)[0][u"config"_s][u"headers"_s].toObject();
        };
        const QJsonObject shown = m_http->get(u"/api/v1/workflows/"_s + uuid).object();
        QCOMPARE(shownHeaders(shown).value(u"Authorization"_s).toString(), u"[redacted]"_s);
        QCOMPARE(shownHeaders(shown).value(u"X-Api-Key"_s).toString(), u"[redacted]"_s);
        QCOMPARE(shownHeaders(shown).value(u"Content-Type"_s).toString(), u"application/json"_s);
        QCOMPARE(shownHeaders(shown).value(u"X-Token"_s).toString(), u"${payload.token}"_s);
        QVERIFY(!m_http->get(u"/api/v1/workflows?limit=200"_s).body.contains("live-secret"));
        // Stored as given: the workers send the real value.
        const QString stored = u"SELECT steps->0->'config'->'headers'->>'Authorization' FROM workflow_definitions WHERE uuid = '%1'"_s.arg(uuid);
        QCOMPARE(m_cluster.scalar(stored), u"Bearer live-secret-4f9e2c1d"_s);

        // What was shown, sent back with a change elsewhere: the secrets stay.
        QJsonObject edited{{u"name"_s, u"secrets, renamed"_s}, {u"steps"_s, shown.value(u"steps"_s)}};
        const HttpResult updated = m_http->putJson(u"/api/v1/workflows/"_s + uuid, edited);
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.object().value(u"version"_s).toInt(), 2);
        QCOMPARE(m_cluster.scalar(stored), u"Bearer live-secret-4f9e2c1d"_s);
        QCOMPARE(m_cluster.scalar(u"SELECT steps->0->'config'->'headers'->>'X-Api-Key' FROM workflow_definitions WHERE uuid = '%1'"_s.arg(uuid)),
                 u"k-123"_s);

        // A marker with nothing behind it is refused, changing nothing.
        const QString before = counts();
        QJsonArray unknown = shown.value(u"steps"_s).toArray();
        QJsonObject step = unknown.at(0).toObject();
        QJsonObject config = step.value(u"config"_s).toObject();
        QJsonObject newHeaders = config.value(u"headers"_s).toObject();
        newHeaders.insert(u"X-Other-Secret"_s, u"[redacted]"_s);
        config.insert(u"headers"_s, newHeaders);
        step.insert(u"config"_s, config);
        unknown.replace(0, step);
        const HttpResult refused = m_http->putJson(u"/api/v1/workflows/"_s + uuid, QJsonObject{{u"name"_s, u"x"_s}, {u"steps"_s, unknown}});
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.detail().contains(u"X-Other-Secret"_s), qPrintable(refused.detail()));
        const HttpResult refusedNew = m_http->postJson(u"/api/v1/workflows"_s, QJsonObject{{u"name"_s, u"x"_s}, {u"steps"_s, unknown}});
        QCOMPARE(refusedNew.status, 400);
        QCOMPARE(counts(), before);
        QCOMPARE(m_http->get(u"/api/v1/workflows/"_s + uuid).object().value(u"version"_s).toInt(), 2);
    }

    void stuckRunsAreListedAndRequeued()
    {
        const QHash<QByteArray, QByteArray> admin{{"Authorization", "Bearer " + QByteArray(kAdminToken)}};
        const QString workflow = createWorkflow();
        // No workers in this suite: a triggered run stays pending. Age one, and make another look
        // like a run whose worker died (lease expired 30 s ago), and a third one still leased.
        const QString waiting = trigger(workflow);
        const QString orphaned = trigger(workflow);
        const QString leased = trigger(workflow);
        m_cluster.scalar(u"UPDATE workflow_runs SET enqueued_at = clock_timestamp() - interval '120 s' WHERE uuid = '%1'"_s.arg(waiting));
        m_cluster.scalar(u"UPDATE workflow_runs SET status = 'running', lease_owner = 'worker-9', execution_attempts = 1,"
                         " lease_expires_at = clock_timestamp() - interval '30 s' WHERE uuid = '%1'"_s.arg(orphaned));
        m_cluster.scalar(u"UPDATE workflow_runs SET status = 'running', lease_owner = 'worker-8', execution_attempts = 1,"
                         " lease_expires_at = clock_timestamp() + interval '60 s' WHERE uuid = '%1'"_s.arg(leased));

        QCOMPARE(m_http->get(u"/api/v1/admin/runs/stuck"_s).status, 401);
        const HttpResult listed = m_http->request("GET", u"/api/v1/admin/runs/stuck?pending_seconds=60"_s, {}, admin);
        QCOMPARE(listed.status, 200);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &item : listed.object().value(u"items"_s).toArray())
            byId.insert(item.toObject().value(u"run_id"_s).toString(), item.toObject());
        QVERIFY2(byId.contains(waiting) && byId.contains(orphaned), listed.body.constData());
        QVERIFY(!byId.contains(leased));
        QCOMPARE(byId.value(waiting).value(u"status"_s).toString(), u"pending"_s);
        QVERIFY(byId.value(waiting).value(u"stuck_seconds"_s).toInt() >= 119);
        QVERIFY(byId.value(waiting).value(u"reason"_s).toString().startsWith(u"pending for 1"_s));
        QCOMPARE(byId.value(orphaned).value(u"lease_owner"_s).toString(), u"worker-9"_s);
        QVERIFY2(byId.value(orphaned).value(u"reason"_s).toString().contains(u"the lease of worker-9 expired 3"_s),
                 qPrintable(byId.value(orphaned).value(u"reason"_s).toString()));
        QCOMPARE(m_http->request("GET", u"/api/v1/admin/runs/stuck?limit=0"_s, {}, admin).status, 400);

        // Requeue: pending again, lease cleared, a new trigger message, recorded.
        const QString messagesBefore =
                m_cluster.scalar(u"SELECT count(*) FROM outbox WHERE topic = 'workflow.trigger' AND message_key = '%1'"_s.arg(orphaned));
        const HttpResult requeued = m_http->request("POST", u"/api/v1/admin/runs/%1/requeue"_s.arg(orphaned), {}, admin);
        QCOMPARE(requeued.status, 200);
        QCOMPARE(requeued.object().value(u"status"_s).toString(), u"pending"_s);
        QCOMPARE(requeued.object().value(u"message"_s).toString(), u"Run requeued"_s);
        QCOMPARE(m_cluster.scalar(u"SELECT coalesce(lease_owner, 'none') FROM workflow_runs WHERE uuid = '%1'"_s.arg(orphaned)), u"none"_s);
        QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM outbox WHERE topic = 'workflow.trigger' AND message_key = '%1'"_s.arg(orphaned))
                         .toInt(),
                 messagesBefore.toInt() + 1);
        // (Its "accepted" event is there too, or about to be: the timeline is written in batches.)
        QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM run_events WHERE run_id = '%1' AND kind = 'requeued' AND instance <> ''"_s.arg(orphaned)),
                 u"1"_s);
        // The API shows it pending (its cached copy was dropped), and it is no longer stuck.
        QCOMPARE(m_http->get(u"/api/v1/runs/"_s + orphaned).object().value(u"status"_s).toString(), u"pending"_s);
        const HttpResult after = m_http->request("GET", u"/api/v1/admin/runs/stuck?pending_seconds=60"_s, {}, admin);
        QVERIFY(!after.body.contains(orphaned.toUtf8()));
        // Idempotent on a pending run; refused for a live lease, a finished run, an unknown one.
        QCOMPARE(m_http->request("POST", u"/api/v1/admin/runs/%1/requeue"_s.arg(orphaned), {}, admin).status, 200);
        const HttpResult live = m_http->request("POST", u"/api/v1/admin/runs/%1/requeue"_s.arg(leased), {}, admin);
        QCOMPARE(live.status, 409);
        QVERIFY2(live.detail().startsWith(u"the run is running under a live lease of worker-8"_s), live.body.constData());
        m_cluster.scalar(u"UPDATE workflow_runs SET status = 'success', lease_owner = NULL WHERE uuid = '%1'"_s.arg(leased));
        QCOMPARE(m_http->request("POST", u"/api/v1/admin/runs/%1/requeue"_s.arg(leased), {}, admin).status, 409);
        QCOMPARE(m_http->request("POST", u"/api/v1/admin/runs/0123456789abcdef0123456789abcdef/requeue"_s, {}, admin).status, 404);
        QCOMPARE(m_http->request("POST", u"/api/v1/admin/runs/%1/requeue"_s.arg(waiting)).status, 401);
    }

    void seedClientsWork()
    {
        // The seed's WorkflowDefinition: id and description optional.
        const HttpResult created = m_http->postJson(
                u"/api/v1/workflows"_s,
                QJsonObject{{u"name"_s, u"seed"_s},
                            {u"steps"_s, QJsonArray{QJsonObject{{u"name"_s, u"wait"_s}, {u"type"_s, u"delay"_s},
                                                                {u"config"_s, QJsonObject{{u"duration"_s, 1}}}}}}});
        QCOMPARE(created.status, 200);
        const QString workflow = created.object().value(u"workflow_id"_s).toString();
        const QJsonObject stored = m_http->get(u"/api/v1/workflows/"_s + workflow).object();
        QCOMPARE(stored.value(u"id"_s), QJsonValue(QJsonValue::Null));
        QCOMPARE(stored.value(u"description"_s), QJsonValue(QJsonValue::Null));
        QCOMPARE(stored.value(u"name"_s).toString(), u"seed"_s);

        // The seed's cursor: the uuid of the last item seen.
        QStringList runs;
        for (int i = 0; i < 5; ++i)
            runs.append(trigger(workflow));
        const QString filter = u"&workflow_id="_s + workflow;
        const QJsonArray first = m_http->get(u"/api/v1/runs?limit=2"_s + filter).object().value(u"items"_s).toArray();
        QCOMPARE(first.size(), 2);
        const QString last = first.at(1).toObject().value(u"uuid"_s).toString();
        const HttpResult next = m_http->get(u"/api/v1/runs?limit=2&cursor="_s + last + filter);
        QCOMPARE(next.status, 200);
        const QJsonArray second = next.object().value(u"items"_s).toArray();
        QCOMPARE(second.size(), 2);
        // The same page as the opaque cursor gives.
        const QString opaque = m_http->get(u"/api/v1/runs?limit=2"_s + filter).object().value(u"next_cursor"_s).toString();
        QCOMPARE(m_http->get(u"/api/v1/runs?limit=2&cursor="_s + opaque + filter).object().value(u"items"_s).toArray(), second);
        QVERIFY(!runs.isEmpty());
        // An id no run has: 400, saying so.
        const HttpResult unknown = m_http->get(u"/api/v1/runs?cursor=0123456789abcdef0123456789abcdef"_s);
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.detail(), u"cursor: no run has the id 0123456789abcdef0123456789abcdef"_s);
        // Workflow listings take a workflow's id the same way.
        QCOMPARE(m_http->get(u"/api/v1/workflows?cursor="_s + workflow).status, 200);
        QCOMPARE(m_http->get(u"/api/v1/workflows?cursor=ffffffffffffffffffffffffffffffff"_s).status, 400);

        // The document the seed's FastAPI served.
        const HttpResult docs = m_http->get(u"/openapi.json"_s);
        QCOMPARE(docs.status, 200);
        QCOMPARE(docs.object().value(u"openapi"_s).toString(), u"3.1.0"_s);
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
