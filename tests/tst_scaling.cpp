// The scale-out stack for real: wf-stack with nginx, PgBouncer, Redis, the broker, 3 servers and
// 3 workers on free ports. Replica changes through the admin API become true (processes, nginx
// upstreams, actual counts) within seconds, a scale change under steady load fails no request,
// the cache serves and is invalidated, and a Redis killed mid-load fails no request either.
#include "httpclient.h"
#include "stackports.h"
#include "testcluster.h"

#include "core/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QtTest>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using wf::test::HttpClient;
using wf::test::HttpResult;

namespace {

// Requests in a loop from this thread's event loop: trigger, read the run, read the workflow.
class LoadDriver : public QObject
{
public:
    LoadDriver(QUrl base, QString workflow, int concurrency) : m_base(std::move(base)), m_workflow(std::move(workflow))
    {
        for (int i = 0; i < concurrency; ++i)
            next(i);
    }
    void stop() { m_stopping = true; }
    bool idle() const { return m_inFlight == 0; }
    int done() const { return m_done; }
    QStringList failures() const { return m_failures; }

private:
    void next(int slot)
    {
        if (m_stopping)
            return;
        QNetworkRequest request;
        QNetworkReply *reply = nullptr;
        switch (slot % 3) {
        case 0:
            request.setUrl(m_base.resolved(QUrl(u"/api/v1/trigger"_s)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            reply = m_network.post(request, "{\"workflow_id\":\"" + m_workflow.toLatin1() + "\",\"payload\":{\"n\":1}}");
            break;
        case 1:
            request.setUrl(m_base.resolved(QUrl(m_lastRun.isEmpty() ? u"/health"_s : u"/api/v1/runs/"_s + m_lastRun)));
            reply = m_network.get(request);
            break;
        default:
            request.setUrl(m_base.resolved(QUrl(u"/api/v1/workflows/"_s + m_workflow)));
            reply = m_network.get(request);
        }
        request.setTransferTimeout(20000);
        ++m_inFlight;
        connect(reply, &QNetworkReply::finished, this, [this, reply, slot] {
            --m_inFlight;
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            if (status != 200) {
                m_failures.append(u"%1 %2 -> %3 %4 %5"_s.arg(QString::fromLatin1(reply->operation() == QNetworkAccessManager::PostOperation ? "POST" : "GET"),
                                                            reply->url().path())
                                          .arg(status)
                                          .arg(reply->errorString(), QString::fromUtf8(body.left(200))));
            } else if (slot % 3 == 0) {
                m_lastRun = wf::json::parse(body).value_or(QJsonValue()).toObject().value(u"run_id"_s).toString();
            }
            ++m_done;
            next(slot + 3);
        });
    }

    QNetworkAccessManager m_network;
    QUrl m_base;
    QString m_workflow;
    QString m_lastRun;
    bool m_stopping = false;
    int m_inFlight = 0;
    int m_done = 0;
    QStringList m_failures;
};

bool alive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

} // namespace

class TestScaling : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_state{QDir::tempPath() + u"/wf-scaling-XXXXXX"_s};
    QProcess m_stack;
    QProcessEnvironment m_environment;
    int m_httpPort = 0;
    int m_postgresPort = 0;
    int m_redisPort = 0;
    std::unique_ptr<HttpClient> m_http;
    QString m_workflow;

    QJsonObject status();
    int command(const QStringList &arguments);
    QJsonObject component(const QString &name) { return status().value(u"components"_s).toObject().value(name).toObject(); }
    bool scale(const QString &componentName, int replicas);
    QString sql(const QString &statement);
    QSet<QByteArray> instancesAnswering(int requests);
    QStringList upstreamLines();

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyServerAnswersThroughNginx();
    void workersFollowTheDesiredCount();
    void serversFollowTheDesiredCountAndNginxFollowsThem();
    void scaleChangesUnderLoadFailNoRequest();
    void cacheServesAndIsInvalidated();
    void redisKilledMidLoadFailsNoRequest();
    void nginxAnswersItsOwnErrorsAsJson();
    void killedWorkerIsRestarted();
    void aSlowReplicaStaysInNginx();
    void drainingWorkersAreListedApart();
};

QJsonObject TestScaling::status()
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.start(wf::test::binDir() + u"/wf-stack"_s, {u"status"_s, u"--json"_s});
    process.waitForFinished(10000);
    return wf::json::parse(process.readAllStandardOutput()).value_or(QJsonValue()).toObject();
}

int TestScaling::command(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(wf::test::binDir() + u"/wf-stack"_s, arguments);
    process.waitForFinished(180000);
    return process.exitCode();
}

bool TestScaling::scale(const QString &componentName, int replicas)
{
    const HttpResult result = m_http->putJson(u"/api/v1/admin/scaling/"_s + componentName, QJsonObject{{u"replicas"_s, replicas}});
    return result.status == 202 && result.object().value(u"desired"_s).toInt() == replicas;
}

QString TestScaling::sql(const QString &statement)
{
    QProcess psql;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PGPASSFILE"_s, m_state.filePath(u"pgpass"_s));
    psql.setProcessEnvironment(environment);
    psql.start(u"psql"_s, {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_postgresPort), u"-U"_s, u"workflow"_s, u"-w"_s, u"-d"_s,
                           u"workflow"_s, u"-tAc"_s, statement});
    psql.waitForFinished(10000);
    return QString::fromUtf8(psql.readAllStandardOutput()).trimmed();
}

QSet<QByteArray> TestScaling::instancesAnswering(int requests)
{
    QSet<QByteArray> instances;
    for (int i = 0; i < requests; ++i)
        instances.insert(m_http->get(u"/health"_s).headers.value("x-instance-id"));
    return instances;
}

QStringList TestScaling::upstreamLines()
{
    QFile config(m_state.path() + u"/nginx/nginx.conf"_s);
    config.open(QIODevice::ReadOnly);
    QStringList lines;
    const QList<QByteArray> all = config.readAll().split('\n');
    for (const QByteArray &line : all) {
        if (line.trimmed().startsWith("server 127.0.0.1:") && !line.contains(" down"))
            lines.append(QString::fromUtf8(line.trimmed()));
    }
    return lines;
}

void TestScaling::initTestCase()
{
    m_httpPort = wf::test::freePort();
    m_postgresPort = wf::test::freePort();
    m_redisPort = wf::test::freePort();
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(u"WF_STACK_STATE_DIR"_s, m_state.path());
    m_environment.insert(u"WF_HTTP_PORT"_s, QString::number(m_httpPort));
    m_environment.insert(u"WF_HTTP_HOST"_s, u"127.0.0.1"_s);
    // Ten consecutive free ports for the servers and for the workers' health endpoints.
    auto block = [] {
        for (int attempt = 0; attempt < 50; ++attempt) {
            const int base = 20000 + int(QRandomGenerator::global()->bounded(10000));
            bool free = true;
            for (int i = 0; i < 10 && free; ++i) {
                QTcpServer probe;
                free = probe.listen(QHostAddress::Any, quint16(base + i));
            }
            if (free)
                return base;
        }
        return 0;
    };
    m_environment.insert(u"WF_STACK_SERVER_PORT"_s, QString::number(block()));
    m_environment.insert(u"WF_STACK_WORKER_HEALTH_PORT"_s, QString::number(block()));
    m_environment.insert(u"WF_STACK_POSTGRES_PORT"_s, QString::number(m_postgresPort));
    m_environment.insert(u"WF_STACK_PGBOUNCER_PORT"_s, QString::number(wf::test::freePort()));
    m_environment.insert(u"WF_STACK_REDIS_PORT"_s, QString::number(m_redisPort));
    m_environment.insert(u"WF_STACK_BROKER_PORT"_s, QString::number(wf::test::freePort()));
    m_environment.insert(u"WF_KAFKA_SESSION_TIMEOUT_MS"_s, u"6000"_s);
    m_stack.setProcessEnvironment(m_environment);
    m_stack.setProcessChannelMode(QProcess::ForwardedChannels);
    m_stack.start(wf::test::binDir() + u"/wf-stack"_s, {u"up"_s, u"--api"_s, u"3"_s, u"--workers"_s, u"3"_s});
    QVERIFY(m_stack.waitForStarted());
    QCOMPARE(command({u"wait-ready"_s, u"--timeout"_s, u"150"_s}), 0);
    m_http = std::make_unique<HttpClient>(QUrl(u"http://127.0.0.1:%1"_s.arg(m_httpPort)));
    // The local stack's default: client routes open (the seed's clients), admin routes only with
    // the operator key it keeps in the file its status names.
    QCOMPARE(m_http->get(u"/api/v1/admin/scaling"_s).status, 401);
    const QJsonObject status = wf::test::stackStatus(m_environment);
    QCOMPARE(status.value(u"auth"_s).toString(), u"open"_s);
    QCOMPARE(QFileInfo(status.value(u"operator_token_file"_s).toString()).permissions(),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
    const QByteArray key = wf::test::stackOperatorKey(m_environment);
    QVERIFY(key.startsWith("wf_"));
    m_http->setKey(key);
    // The workers' health ports listen on loopback only (/proc/net/tcp: local address 127.0.0.1).
    QFile sockets(u"/proc/net/tcp"_s);
    QVERIFY(sockets.open(QIODevice::ReadOnly));
    const QByteArray table = sockets.readAll();
    const int firstHealth = m_environment.value(u"WF_STACK_WORKER_HEALTH_PORT"_s).toInt();
    const QByteArray port = QByteArray::number(firstHealth, 16).toUpper().rightJustified(4, '0');
    QVERIFY2(table.contains(QByteArray(" 0100007F:" + port + " 00000000:0000 0A")), table.constData());
    QVERIFY(!table.contains(QByteArray(" 00000000:" + port + " 00000000:0000 0A")));
    const HttpResult created = m_http->postJson(
            u"/api/v1/workflows"_s,
            wf::json::parse("{\"id\":\"scale\",\"name\":\"scale\",\"steps\":[{\"name\":\"shape\",\"type\":\"transform\","
                            "\"config\":{\"output\":\"${payload.n}\"}}]}")
                    .value());
    QCOMPARE(created.status, 200);
    m_workflow = created.object().value(u"workflow_id"_s).toString();
}

void TestScaling::cleanupTestCase()
{
    command({u"down"_s, u"--purge"_s}); // the database too (it lives outside the state folder)
    m_stack.waitForFinished(60000);
}

void TestScaling::everyServerAnswersThroughNginx()
{
    const QJsonObject state = status();
    const QJsonObject components = state.value(u"components"_s).toObject();
    for (const QString &name : {u"postgres"_s, u"pgbouncer"_s, u"redis"_s, u"broker"_s, u"nginx"_s})
        QVERIFY2(!components.value(name).toObject().value(u"pids"_s).toArray().isEmpty(), qPrintable(name));
    QCOMPARE(components.value(u"server"_s).toObject().value(u"actual"_s).toInt(), 3);
    QCOMPARE(components.value(u"worker"_s).toObject().value(u"actual"_s).toInt(), 3);
    QCOMPARE(instancesAnswering(30), QSet<QByteArray>({"server-1", "server-2", "server-3"}));
    // The servers reach PostgreSQL only through PgBouncer.
    QVERIFY(sql(u"SELECT count(*) FROM pg_stat_activity WHERE usename = 'workflow' AND application_name NOT LIKE 'pgbouncer%' AND client_port IS NOT NULL"_s).toInt() >= 1);
    const QString direct = sql(u"SELECT count(DISTINCT client_port) FROM pg_stat_activity WHERE usename = 'workflow'"_s);
    QVERIFY(!direct.isEmpty());
}

void TestScaling::workersFollowTheDesiredCount()
{
    for (int replicas : {5, 2, 3}) {
        QVERIFY(scale(u"worker"_s, replicas));
        QTRY_COMPARE_WITH_TIMEOUT(component(u"worker"_s).value(u"pids"_s).toArray().size(), replicas, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_http->get(u"/api/v1/admin/scaling"_s).object().value(u"components"_s).toObject()
                                          .value(u"worker"_s).toObject().value(u"actual"_s).toInt(),
                                  replicas, 10000);
    }
    QCOMPARE(m_http->putJson(u"/api/v1/admin/scaling/worker"_s, QJsonObject{{u"replicas"_s, 99}}).status, 400);
    QCOMPARE(m_http->putJson(u"/api/v1/admin/scaling/database"_s, QJsonObject{{u"replicas"_s, 1}}).status, 404);
    QCOMPARE(m_http->putJson(u"/api/v1/admin/scaling/worker"_s, QJsonObject{{u"replicas"_s, u"two"_s}}).status, 400);
}

void TestScaling::serversFollowTheDesiredCountAndNginxFollowsThem()
{
    QVERIFY(scale(u"server"_s, 4));
    QTRY_COMPARE_WITH_TIMEOUT(upstreamLines().size(), 4, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(instancesAnswering(40).contains("server-4"), 10000);
    QVERIFY(scale(u"server"_s, 3));
    QTRY_COMPARE_WITH_TIMEOUT(upstreamLines().size(), 3, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(component(u"server"_s).value(u"pids"_s).toArray().size(), 3, 30000);
    QCOMPARE(instancesAnswering(30), QSet<QByteArray>({"server-1", "server-2", "server-3"}));
}

void TestScaling::scaleChangesUnderLoadFailNoRequest()
{
    LoadDriver load(QUrl(u"http://127.0.0.1:%1"_s.arg(m_httpPort)), m_workflow, 12);
    QTRY_VERIFY_WITH_TIMEOUT(load.done() > 200, 20000);
    QVERIFY(scale(u"server"_s, 5));
    QVERIFY(scale(u"worker"_s, 5));
    QTRY_COMPARE_WITH_TIMEOUT(upstreamLines().size(), 5, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(component(u"worker"_s).value(u"pids"_s).toArray().size(), 5, 30000);
    const int before = load.done();
    QTRY_VERIFY_WITH_TIMEOUT(load.done() > before + 300, 20000);
    QVERIFY(scale(u"server"_s, 2));
    QVERIFY(scale(u"worker"_s, 2));
    QTRY_COMPARE_WITH_TIMEOUT(upstreamLines().size(), 2, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(component(u"server"_s).value(u"pids"_s).toArray().size(), 2, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(component(u"worker"_s).value(u"pids"_s).toArray().size(), 2, 40000);
    const int after = load.done();
    QTRY_VERIFY_WITH_TIMEOUT(load.done() > after + 300, 20000);
    load.stop();
    QTRY_VERIFY_WITH_TIMEOUT(load.idle(), 20000);
    qInfo("%d requests during the scale changes", load.done());
    QVERIFY2(load.failures().isEmpty(), qPrintable(load.failures().mid(0, 10).join(u'\n')));
    // Every run triggered during the changes finishes.
    QTRY_COMPARE_WITH_TIMEOUT(sql(u"SELECT count(*) FROM workflow_runs WHERE status IN ('pending','running')"_s), u"0"_s, 60000);
    QVERIFY(scale(u"server"_s, 3));
    QVERIFY(scale(u"worker"_s, 3));
    QTRY_COMPARE_WITH_TIMEOUT(upstreamLines().size(), 3, 30000);
}

void TestScaling::cacheServesAndIsInvalidated()
{
    const QString path = u"/api/v1/workflows/"_s + m_workflow;
    // Warm the key, then read it many times: one database read at most.
    QTRY_COMPARE_WITH_TIMEOUT(m_http->get(path).headers.value("x-cache"), QByteArray("hit"), 5000);
    // The statement that reads a workflow, counted by pg_stat_statements (exact, not sampled).
    const QString reads = u"SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query LIKE '%%FROM workflow_definitions"
                          " WHERE uuid = $1 AND deleted_at IS NULL%%'"_s;
    const int readsBefore = sql(reads).toInt();
    int hits = 0;
    for (int i = 0; i < 100; ++i)
        hits += m_http->get(path).headers.value("x-cache") == "hit";
    QVERIFY2(hits >= 99, qPrintable(QString::number(hits)));
    const int readsAfter = sql(reads).toInt();
    QVERIFY2(readsAfter - readsBefore <= 1, qPrintable(u"%1 database reads for 100 cached reads"_s.arg(readsAfter - readsBefore)));
    // And without the cache they would all have been database reads: the counter does move.
    QVERIFY(sql(u"SELECT count(*) FROM pg_stat_statements WHERE query LIKE '%%FROM workflow_definitions WHERE uuid = $1%%'"_s)
                    .toInt()
            >= 1);
    QProcess redis;
    redis.start(u"redis-cli"_s, {u"-p"_s, QString::number(m_redisPort), u"EXISTS"_s, u"wf:workflow:"_s + m_workflow});
    redis.waitForFinished(5000);
    QCOMPARE(redis.readAllStandardOutput().trimmed(), QByteArray("1"));
    // An update removes the entry: the next read sees the new version.
    const HttpResult updated = m_http->putJson(
            path, wf::json::parse("{\"id\":\"scale\",\"name\":\"renamed\",\"steps\":[{\"name\":\"shape\",\"type\":\"transform\","
                                  "\"config\":{\"output\":\"${payload.n}\"}}]}")
                          .value());
    QCOMPARE(updated.status, 200);
    const HttpResult after = m_http->get(path);
    QCOMPARE(after.headers.value("x-cache"), QByteArray("miss"));
    QCOMPARE(after.object().value(u"name"_s).toString(), u"renamed"_s);
    // A run's entry goes when a worker changes the run.
    const QString run = m_http->postJson(u"/api/v1/trigger"_s,
                                         QJsonObject{{u"workflow_id"_s, m_workflow}, {u"payload"_s, QJsonObject{{u"n"_s, 7}}}})
                                .object()
                                .value(u"run_id"_s)
                                .toString();
    QCOMPARE(m_http->get(u"/api/v1/runs/"_s + run).status, 200); // cached in whatever state it is
    QJsonObject finished;
    QTRY_VERIFY_WITH_TIMEOUT((finished = m_http->get(u"/api/v1/runs/"_s + run).object()).value(u"status"_s).toString() == u"success"_s,
                             30000);
    // Seen well within the 5 s TTL after the run completed: the worker's write removed the cached
    // entry rather than letting it expire.
    const QDateTime completed = QDateTime::fromString(finished.value(u"completed_at"_s).toString(), Qt::ISODateWithMs);
    QVERIFY2(completed.isValid(), qPrintable(finished.value(u"completed_at"_s).toString()));
    const qint64 lag = completed.msecsTo(QDateTime::currentDateTimeUtc());
    QVERIFY2(lag < 3000, qPrintable(u"success visible %1 ms after completion"_s.arg(lag)));
}

void TestScaling::redisKilledMidLoadFailsNoRequest()
{
    LoadDriver load(QUrl(u"http://127.0.0.1:%1"_s.arg(m_httpPort)), m_workflow, 12);
    QTRY_VERIFY_WITH_TIMEOUT(load.done() > 200, 20000);
    const qint64 redisPid = component(u"redis"_s).value(u"pids"_s).toArray().at(0).toInteger();
    QVERIFY(redisPid > 0);
    QVERIFY(wf::test::sendSignal(redisPid, SIGKILL));
    const int before = load.done();
    QTRY_VERIFY_WITH_TIMEOUT(load.done() > before + 300, 30000);
    // The supervisor restarts Redis and the cache comes back by itself.
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        const qint64 pid = component(u"redis"_s).value(u"pids"_s).toArray().at(0).toInteger();
        return pid > 0 && pid != redisPid && alive(pid);
    }(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_http->get(u"/api/v1/workflows/"_s + m_workflow).headers.value("x-cache"), QByteArray("hit"), 20000);
    load.stop();
    QTRY_VERIFY_WITH_TIMEOUT(load.idle(), 20000);
    qInfo("%d requests while Redis was killed and restarted", load.done());
    QVERIFY2(load.failures().isEmpty(), qPrintable(load.failures().mid(0, 10).join(u'\n')));
}

void TestScaling::nginxAnswersItsOwnErrorsAsJson()
{
    const HttpResult tooLarge = m_http->request("POST", u"/api/v1/workflows"_s, QByteArray(2 * 1024 * 1024, ' '),
                                                {{"Content-Type", "application/json"}});
    QCOMPARE(tooLarge.status, 413);
    QVERIFY(tooLarge.headers.value("content-type").startsWith("application/json"));
    QVERIFY(tooLarge.detail().contains(u"larger"_s));
}

void TestScaling::killedWorkerIsRestarted()
{
    const QJsonArray before = component(u"worker"_s).value(u"pids"_s).toArray();
    QVERIFY(!before.isEmpty());
    const qint64 victim = before.at(0).toInteger();
    QVERIFY(wf::test::sendSignal(victim, SIGKILL));
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        const QJsonObject workers = component(u"worker"_s);
        const QJsonArray pids = workers.value(u"pids"_s).toArray();
        return pids.size() == before.size() && !pids.contains(QJsonValue(victim)) && workers.value(u"restarts"_s).toInt() >= 1;
    }(), 20000);
}

void TestScaling::aSlowReplicaStaysInNginx()
{
    // Under a burst of thousands of clients health answers come late; a replica must not leave
    // nginx for that (all of them did once, and nginx then had no upstream at all). A paused
    // process answers nothing for a while: it stays listed as long as it runs.
    const QJsonArray pids = component(u"server"_s).value(u"pids"_s).toArray();
    QCOMPARE(upstreamLines().size(), pids.size());
    const qint64 paused = pids.at(0).toInteger();
    QVERIFY(wf::test::sendSignal(paused, SIGSTOP));
    QTest::qWait(3000); // several health polls (every 0.5 s) go unanswered meanwhile
    const int listed = int(upstreamLines().size());
    wf::test::sendSignal(paused, SIGCONT);
    QCOMPARE(listed, int(pids.size()));
}

void TestScaling::drainingWorkersAreListedApart()
{
    // Runs that take a few seconds, on the worker about to go: it finishes them first, and
    // meanwhile it is listed as draining, not serving.
    QVERIFY(scale(u"worker"_s, 3));
    QTRY_COMPARE_WITH_TIMEOUT(component(u"worker"_s).value(u"pids"_s).toArray().size(), 3, 30000);
    const HttpResult created = m_http->postJson(
            u"/api/v1/workflows"_s,
            QJsonObject{{u"name"_s, u"slow"_s},
                        {u"steps"_s, QJsonArray{QJsonObject{{u"name"_s, u"wait"_s}, {u"type"_s, u"delay"_s},
                                                            {u"config"_s, QJsonObject{{u"duration"_s, 6}}}}}}});
    const QString workflow = created.object().value(u"workflow_id"_s).toString();
    const int lastHealthPort = component(u"worker"_s).value(u"health_ports"_s).toArray().at(2).toInt();
    HttpClient lastWorker(QUrl(u"http://127.0.0.1:%1"_s.arg(lastHealthPort)));
    // Until the third worker (the one scaling to two stops) holds runs of its own.
    QVERIFY(QTest::qWaitFor(
            [&] {
                for (int i = 0; i < 10; ++i)
                    m_http->postJson(u"/api/v1/trigger"_s, QJsonObject{{u"workflow_id"_s, workflow}});
                return lastWorker.get(u"/stats"_s).object().value(u"active_runs"_s).toInt() > 0;
            },
            30000));
    const qint64 leaving = component(u"worker"_s).value(u"pids"_s).toArray().at(2).toInteger();
    QVERIFY(scale(u"worker"_s, 2));
    QTRY_VERIFY_WITH_TIMEOUT(component(u"worker"_s).value(u"draining"_s).toArray().contains(leaving), 10000);
    QCOMPARE(component(u"worker"_s).value(u"pids"_s).toArray().size(), 2);
    QVERIFY(!component(u"worker"_s).value(u"pids"_s).toArray().contains(leaving));
    // Gone once its runs are done.
    QTRY_VERIFY_WITH_TIMEOUT(component(u"worker"_s).value(u"draining"_s).toArray().isEmpty(), 40000);
}

QTEST_GUILESS_MAIN(TestScaling)
#include "tst_scaling.moc"
