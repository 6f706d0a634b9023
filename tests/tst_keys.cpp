// API keys end to end with WF_AUTH=required: two wf-server replicas on one PostgreSQL (behind
// PgBouncer). Every route group answers 401 without a key and 403 with the wrong role, changing
// nothing; a key created on one replica works on the other at once, and one revoked on either is
// refused by the other within a second; keys from `wf-server keys`; bad key input is refused;
// and a server will not start with a placeholder or missing bootstrap key.
#include "httpclient.h"
#include "serverprocess.h"
#include "testcluster.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QtTest>

using namespace Qt::StringLiterals;
using wf::test::HttpClient;
using wf::test::HttpResult;

namespace {

constexpr const char *kBootstrap = "keys-test-bootstrap-operator-key-9f8e7d6c5b4a";

} // namespace

class TestKeys : public QObject
{
    Q_OBJECT

private:
    wf::test::TestCluster m_cluster;
    wf::test::ServerProcess m_first;
    wf::test::ServerProcess m_second;
    std::unique_ptr<HttpClient> m_one;
    std::unique_ptr<HttpClient> m_two;

    QProcessEnvironment requiredEnvironment(const QByteArray &token = kBootstrap) const
    {
        QProcessEnvironment environment;
        environment.insert(u"WF_AUTH"_s, u"required"_s);
        environment.insert(u"WF_ADMIN_TOKEN"_s, QString::fromLatin1(token));
        environment.insert(u"WF_HTTP_THREADS"_s, u"2"_s);
        return environment;
    }

    static QHash<QByteArray, QByteArray> bearer(const QByteArray &key)
    {
        return {{"Authorization", "Bearer " + key}};
    }

    // A key made through the API of `through` with the bootstrap key.
    QJsonObject createKey(HttpClient &through, const QString &name, const QString &role)
    {
        const HttpResult created = through.request("POST", u"/api/v1/admin/keys"_s,
                                                   QJsonDocument(QJsonObject{{u"name"_s, name}, {u"role"_s, role}}).toJson(),
                                                   {{"Authorization", QByteArray("Bearer ") + kBootstrap}, {"Content-Type", "application/json"}});
        if (created.status != 201)
            qWarning() << "creating a key:" << created.status << created.body;
        return created.object();
    }

    QString rowCounts() const
    {
        return m_cluster.scalar(u"SELECT (SELECT count(*) FROM workflow_definitions) || '/' || (SELECT count(*) FROM workflow_runs)"
                                " || '/' || (SELECT count(*) FROM api_keys) || '/' || (SELECT count(*) FROM api_keys WHERE revoked_at IS NOT NULL)"
                                " || '/' || (SELECT count(*) FROM scaling_events)"_s);
    }

    struct Outcome
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Outcome keysCommand(const QStringList &arguments) const
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"WF_DATABASE_URL"_s, m_cluster.databaseUrl());
        process.setProcessEnvironment(environment);
        process.start(wf::test::binDir() + u"/wf-server"_s, QStringList{u"keys"_s} + arguments);
        process.waitForFinished(30000);
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                process.readAllStandardError()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        wf::test::TestCluster::Options options;
        options.pgbouncer = true;
        QString error = m_cluster.start(options);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = m_first.start(m_cluster.databaseUrl(), requiredEnvironment());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = m_second.start(m_cluster.databaseUrl(), requiredEnvironment());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_one = std::make_unique<HttpClient>(m_first.url());
        m_two = std::make_unique<HttpClient>(m_second.url());
    }

    void aServerRefusesToStartWithoutARealBootstrapKey_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("word");
        QTest::newRow("missing") << QByteArray() << u"WF_ADMIN_TOKEN"_s;
        QTest::newRow("placeholder") << QByteArray("CHANGE_ME") << u"placeholder"_s;
        QTest::newRow("short") << QByteArray("0123456789abcdef") << u"32"_s;
    }

    void aServerRefusesToStartWithoutARealBootstrapKey()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, word);
        wf::test::ServerProcess server;
        const QString error = server.start(m_cluster.databaseUrl(), requiredEnvironment(token));
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(u"exited"_s) && error.contains(word), qPrintable(error));
    }

    void everyRouteGroupNeedsItsKey_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("admin");
        const QString someId = u"0123456789abcdef0123456789abcdef"_s;
        QTest::newRow("list workflows") << QByteArray("GET") << u"/api/v1/workflows"_s << false;
        QTest::newRow("create workflow") << QByteArray("POST") << u"/api/v1/workflows"_s << false;
        QTest::newRow("get workflow") << QByteArray("GET") << u"/api/v1/workflows/"_s + someId << false;
        QTest::newRow("update workflow") << QByteArray("PUT") << u"/api/v1/workflows/"_s + someId << false;
        QTest::newRow("delete workflow") << QByteArray("DELETE") << u"/api/v1/workflows/"_s + someId << false;
        QTest::newRow("trigger") << QByteArray("POST") << u"/api/v1/trigger"_s << false;
        QTest::newRow("list runs") << QByteArray("GET") << u"/api/v1/runs"_s << false;
        QTest::newRow("get run") << QByteArray("GET") << u"/api/v1/runs/"_s + someId << false;
        QTest::newRow("cancel run") << QByteArray("POST") << u"/api/v1/runs/%1/cancel"_s.arg(someId) << false;
        QTest::newRow("retry run") << QByteArray("POST") << u"/api/v1/runs/%1/retry"_s.arg(someId) << false;
        QTest::newRow("run events") << QByteArray("GET") << u"/api/v1/runs/%1/events"_s.arg(someId) << false;
        QTest::newRow("unknown path") << QByteArray("GET") << u"/api/v1/nothing"_s << false;
        QTest::newRow("scaling") << QByteArray("GET") << u"/api/v1/admin/scaling"_s << true;
        QTest::newRow("scale") << QByteArray("PUT") << u"/api/v1/admin/scaling/worker"_s << true;
        QTest::newRow("scaling events") << QByteArray("GET") << u"/api/v1/admin/scaling/events"_s << true;
        QTest::newRow("stats") << QByteArray("GET") << u"/api/v1/admin/stats"_s << true;
        QTest::newRow("history") << QByteArray("GET") << u"/api/v1/admin/stats/history"_s << true;
        QTest::newRow("stuck runs") << QByteArray("GET") << u"/api/v1/admin/runs/stuck"_s << true;
        QTest::newRow("requeue") << QByteArray("POST") << u"/api/v1/admin/runs/%1/requeue"_s.arg(someId) << true;
        QTest::newRow("list keys") << QByteArray("GET") << u"/api/v1/admin/keys"_s << true;
        QTest::newRow("create key") << QByteArray("POST") << u"/api/v1/admin/keys"_s << true;
        QTest::newRow("revoke key") << QByteArray("DELETE") << u"/api/v1/admin/keys/0123456789ab"_s << true;
    }

    void everyRouteGroupNeedsItsKey()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(bool, admin);
        static QByteArray clientKey;
        if (clientKey.isEmpty())
            clientKey = createKey(*m_one, u"route-groups"_s, u"client"_s).value(u"key"_s).toString().toLatin1();
        QVERIFY(!clientKey.isEmpty());
        const QByteArray body = method == "PUT" && admin ? QByteArray(R"({"replicas":0})")
                : method == "POST" && path.endsWith(u"/keys"_s) ? QByteArray(R"({"name":"x","role":"operator"})")
                : method == "POST" || method == "PUT" ? QByteArray(R"({"name":"x","steps":"not a list"})")
                                                      : QByteArray();
        const QHash<QByteArray, QByteArray> json{{"Content-Type", "application/json"}};
        const QString before = rowCounts();

        for (HttpClient *client : {m_one.get(), m_two.get()}) {
            const HttpResult none = client->request(method, path, body, json);
            QCOMPARE(none.status, 401);
            QVERIFY2(none.detail().contains(u"Bearer"_s), qPrintable(none.detail()));
            QCOMPARE(none.headers.value("www-authenticate"), QByteArray("Bearer"));
            QHash<QByteArray, QByteArray> wrong = json;
            wrong.insert("Authorization", "Bearer wf_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            const HttpResult forged = client->request(method, path, body, wrong);
            QCOMPARE(forged.status, 401);
            QVERIFY(forged.detail().contains(u"not valid"_s));
            QHash<QByteArray, QByteArray> basic = json;
            basic.insert("Authorization", "Basic dXNlcjpwYXNz");
            QCOMPARE(client->request(method, path, body, basic).status, 401);
            QHash<QByteArray, QByteArray> asClient = json;
            asClient.insert("Authorization", "Bearer " + clientKey);
            const HttpResult withClientKey = client->request(method, path, body, asClient);
            if (admin) {
                QCOMPARE(withClientKey.status, 403);
                QVERIFY(withClientKey.detail().contains(u"operator"_s));
            } else {
                // Through the gate: whatever the route itself answers, never an auth refusal.
                QVERIFY2(withClientKey.status != 401 && withClientKey.status != 403 && withClientKey.status != 0,
                         qPrintable(QString::number(withClientKey.status)));
            }
        }
        // Refused requests changed nothing (the client-key requests of client routes here only
        // touch ids that do not exist or bodies that are invalid).
        QCOMPARE(rowCounts(), before);
        // Public routes need nothing.
        for (const QString &open : {u"/"_s, u"/health"_s, u"/health/ready"_s, u"/openapi.json"_s, u"/metrics"_s})
            QCOMPARE(m_one->get(open).status, 200);
    }

    void aKeyWorksEverywhereAtOnceAndRevocationReachesEveryReplicaWithinASecond()
    {
        const QJsonObject created = createKey(*m_one, u"ci"_s, u"client"_s);
        const QByteArray key = created.value(u"key"_s).toString().toLatin1();
        QVERIFY(key.startsWith("wf_"));
        QCOMPARE(created.value(u"role"_s).toString(), u"client"_s);
        QCOMPARE(created.value(u"created_by"_s).toString(), u"key:bootstrap"_s);
        const QString id = created.value(u"id"_s).toString();
        // Straight away on the replica that did not create it.
        QCOMPARE(m_two->request("GET", u"/api/v1/workflows"_s, {}, bearer(key)).status, 200);
        QCOMPARE(m_one->request("GET", u"/api/v1/runs"_s, {}, bearer(key)).status, 200);

        // Revoked through the second replica: the first refuses it within a second.
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(m_two->request("DELETE", u"/api/v1/admin/keys/"_s + id, {}, bearer(kBootstrap)).status, 204);
        QCOMPARE(m_two->request("GET", u"/api/v1/workflows"_s, {}, bearer(key)).status, 401); // here at once
        qint64 refusedAfter = -1;
        while (clock.elapsed() < 5000) {
            if (m_one->request("GET", u"/api/v1/workflows"_s, {}, bearer(key)).status == 401) {
                refusedAfter = clock.elapsed();
                break;
            }
        }
        qInfo("revoked on one replica, refused by the other after %lld ms", refusedAfter);
        QVERIFY2(refusedAfter >= 0 && refusedAfter < 1000, qPrintable(QString::number(refusedAfter)));
        // Revoking again changes nothing; the list shows it revoked, and no secret.
        QCOMPARE(m_one->request("DELETE", u"/api/v1/admin/keys/"_s + id, {}, bearer(kBootstrap)).status, 204);
        const HttpResult listed = m_one->request("GET", u"/api/v1/admin/keys"_s, {}, bearer(kBootstrap));
        QCOMPARE(listed.status, 200);
        bool found = false;
        for (const QJsonValue &item : listed.object().value(u"items"_s).toArray()) {
            const QJsonObject object = item.toObject();
            QVERIFY(!object.contains(u"key"_s) && !object.contains(u"digest"_s));
            QVERIFY(!listed.body.contains(key.mid(16)));
            if (object.value(u"id"_s).toString() == id) {
                found = true;
                QVERIFY(object.value(u"revoked_at"_s).isString());
                QCOMPARE(object.value(u"prefix"_s).toString(), u"wf_%1_"_s.arg(id));
            }
        }
        QVERIFY(found);
        // Only the digest is stored.
        QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM api_keys WHERE digest = '%1'"_s.arg(QString::fromLatin1(key.mid(16)))),
                 u"0"_s);
    }

    void operatorKeysCanDoEverything()
    {
        const QByteArray key = createKey(*m_two, u"ops"_s, u"operator"_s).value(u"key"_s).toString().toLatin1();
        QCOMPARE(m_one->request("GET", u"/api/v1/admin/scaling"_s, {}, bearer(key)).status, 200);
        QCOMPARE(m_one->request("GET", u"/api/v1/runs"_s, {}, bearer(key)).status, 200);
        const HttpResult made = m_one->request("POST", u"/api/v1/admin/keys"_s, R"({"name":"made by ops","role":"client"})",
                                               {{"Authorization", "Bearer " + key}, {"Content-Type", "application/json"}});
        QCOMPARE(made.status, 201);
        QVERIFY(made.object().value(u"created_by"_s).toString().startsWith(u"key:"_s));
        QCOMPARE(made.headers.value("cache-control"), QByteArray("no-store"));
    }

    void badKeyInputChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("word");
        QTest::newRow("not json") << QByteArray("{") << u""_s;
        QTest::newRow("array") << QByteArray("[]") << u"object"_s;
        QTest::newRow("no name") << QByteArray(R"({"role":"client"})") << u"name"_s;
        QTest::newRow("empty name") << QByteArray(R"({"name":"  ","role":"client"})") << u"name"_s;
        QTest::newRow("long name") << QByteArray(R"({"name":")" + QByteArray(101, 'n') + R"(","role":"client"})") << u"name"_s;
        QTest::newRow("control in name") << QByteArray(R"({"name":"a\nb","role":"client"})") << u"control"_s;
        QTest::newRow("no role") << QByteArray(R"({"name":"x"})") << u"role"_s;
        QTest::newRow("unknown role") << QByteArray(R"({"name":"x","role":"admin"})") << u"role"_s;
        QTest::newRow("role not string") << QByteArray(R"({"name":"x","role":1})") << u"role"_s;
        QTest::newRow("extra field") << QByteArray(R"({"name":"x","role":"client","secret":"mine"})") << u"secret"_s;
    }

    void badKeyInputChangesNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, word);
        const QString before = rowCounts();
        const HttpResult refused = m_one->request("POST", u"/api/v1/admin/keys"_s, body,
                                                  {{"Authorization", QByteArray("Bearer ") + kBootstrap}, {"Content-Type", "application/json"}});
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.detail().contains(word), qPrintable(refused.detail()));
        QCOMPARE(m_one->request("DELETE", u"/api/v1/admin/keys/ffffffffffff"_s, {}, bearer(kBootstrap)).status, 404);
        QCOMPARE(m_one->request("DELETE", u"/api/v1/admin/keys/not-an-id"_s, {}, bearer(kBootstrap)).status, 404);
        QCOMPARE(rowCounts(), before);
    }

    void keysAndAddressesAreRateLimited()
    {
        // Client keys at 3 requests at once, then 3 a second, on a replica of their own.
        QProcessEnvironment limited = requiredEnvironment();
        limited.insert(u"WF_RATE_LIMIT_CLIENT"_s, u"3:3"_s);
        wf::test::ServerProcess server;
        QString error = server.start(m_cluster.databaseUrl(), limited);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        HttpClient http(server.url());
        const QByteArray key = createKey(*m_one, u"limited"_s, u"client"_s).value(u"key"_s).toString().toLatin1();
        QList<int> statuses;
        HttpResult last;
        for (int i = 0; i < 6; ++i) {
            last = http.request("GET", u"/api/v1/workflows"_s, {}, bearer(key));
            statuses.append(last.status);
        }
        QCOMPARE(statuses.count(200), 3);
        QCOMPARE(statuses.count(429), 3);
        QCOMPARE(last.status, 429);
        QVERIFY2(last.detail().contains(u"rate limit"_s), qPrintable(last.detail()));
        QVERIFY(last.headers.value("retry-after").toInt() >= 1);
        // Another key is not held back by this one's bucket; a refused request changed nothing.
        QCOMPARE(http.request("GET", u"/api/v1/admin/scaling"_s, {}, bearer(kBootstrap)).status, 200);
        // The bucket refills (each try spends a token when it succeeds: asked once per try).
        QVERIFY(QTest::qWaitFor([&] { return http.request("GET", u"/api/v1/workflows"_s, {}, bearer(key)).status == 200; }, 3000));
        server.stop();

        // WF_AUTH=open: without a configured address limit, one address may send as much as it
        // likes (the seed's load test comes from one)…
        QProcessEnvironment open;
        open.insert(u"WF_AUTH"_s, u"open"_s);
        wf::test::ServerProcess openServer;
        error = openServer.start(m_cluster.databaseUrl(), open);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        HttpClient anonymous(openServer.url());
        int throttled = 0;
        for (int i = 0; i < 300; ++i)
            throttled += anonymous.get(u"/api/v1/workflows?limit=1"_s).status == 429;
        QCOMPARE(throttled, 0);
        openServer.stop();
        // …and with one, requests without a key are counted per address (nginx's X-Forwarded-For
        // hop when the peer is a proxy on loopback).
        open.insert(u"WF_RATE_LIMIT_ADDRESS"_s, u"2:2"_s);
        wf::test::ServerProcess addressLimited;
        error = addressLimited.start(m_cluster.databaseUrl(), open);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        HttpClient perAddress(addressLimited.url());
        const QHash<QByteArray, QByteArray> fromA{{"X-Forwarded-For", "127.0.0.50"}};
        const QHash<QByteArray, QByteArray> fromB{{"X-Forwarded-For", "127.0.0.52, 127.0.0.51"}};
        QCOMPARE(perAddress.request("GET", u"/api/v1/runs"_s, {}, fromA).status, 200);
        QCOMPARE(perAddress.request("GET", u"/api/v1/runs"_s, {}, fromA).status, 200);
        QCOMPARE(perAddress.request("GET", u"/api/v1/runs"_s, {}, fromA).status, 429);
        QCOMPARE(perAddress.request("GET", u"/api/v1/runs"_s, {}, fromB).status, 200);
        QCOMPARE(perAddress.get(u"/health"_s).status, 200); // probes are never limited
    }

    void theCommandLineManagesKeys()
    {
        const Outcome created = keysCommand({u"create"_s, u"--name"_s, u"from the shell"_s, u"--role"_s, u"operator"_s});
        QCOMPARE(created.code, 0);
        const QByteArray key = created.out.trimmed();
        QVERIFY2(key.startsWith("wf_") && !key.contains('\n'), created.out.constData());
        QVERIFY(created.err.contains("shown only now"));
        QCOMPARE(m_two->request("GET", u"/api/v1/admin/stats"_s, {}, bearer(key)).status, 200);

        const Outcome listed = keysCommand({u"list"_s, u"--json"_s});
        QCOMPARE(listed.code, 0);
        QVERIFY(!listed.out.contains(key.mid(16)));
        const QString id = QString::fromLatin1(key.mid(3, 12));
        QVERIFY(listed.out.contains(id.toLatin1()));
        QVERIFY(keysCommand({u"list"_s}).out.contains("from the shell"));

        const Outcome revoked = keysCommand({u"revoke"_s, id});
        QCOMPARE(revoked.code, 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_two->request("GET", u"/api/v1/admin/stats"_s, {}, bearer(key)).status, 401, 1500);
        QCOMPARE(keysCommand({u"revoke"_s, u"ffffffffffff"_s}).code, 1);
        QCOMPARE(keysCommand({u"create"_s, u"--name"_s, u"x"_s, u"--role"_s, u"root"_s}).code, 2);
        QCOMPARE(keysCommand({u"create"_s, u"--role"_s, u"client"_s}).code, 2);
        QCOMPARE(keysCommand({u"rotate"_s}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestKeys)
#include "tst_keys.moc"
