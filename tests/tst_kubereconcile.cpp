// The in-cluster scaling backend end to end: `wf-stack reconcile --backend kubernetes` against a
// real PostgreSQL and a fake Kubernetes API. A desired count written to scaling_targets (as the
// admin API does) becomes a PATCH of the Deployment's scale subresource, and the count the
// Deployment reports comes back as `actual`.
#include "platformprocess.h"
#include "rawhttprequest.h"
#include "testcluster.h"

#include "core/json.h"
#include "db/database.h"
#include "db/migrator.h"

#include <QJsonObject>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

// Two Deployments whose scale is whatever was last patched (status follows spec at once).
class FakeKubernetes : public QObject
{
public:
    FakeKubernetes()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    int port() const { return m_server.serverPort(); }
    int replicas(const QByteArray &deployment) const { return m_replicas.value(deployment, 3); }
    QList<QByteArray> patches() const { return m_patches; }
    QByteArray lastAuthorization() const { return m_authorization; }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const std::optional<wf::test::RawHttpRequest> request = wf::test::RawHttpRequest::take(buffer);
        if (!request)
            return;
        m_authorization = request->headers.value("authorization");
        // /apis/apps/v1/namespaces/<ns>/deployments/<name>/scale
        const QByteArray deployment = request->path.split('/').value(7);
        if (request->method == "PATCH") {
            m_patches.append(deployment + ' ' + request->body);
            m_replicas.insert(deployment, wf::json::parse(request->body).value_or(QJsonValue()).toObject().value(u"spec"_s).toObject()
                                                  .value(u"replicas"_s).toInt());
        }
        const int count = replicas(deployment);
        const QByteArray answer = wf::json::serialize(QJsonObject{
                {u"kind"_s, u"Scale"_s},
                {u"apiVersion"_s, u"autoscaling/v1"_s},
                {u"spec"_s, QJsonObject{{u"replicas"_s, count}}},
                {u"status"_s, QJsonObject{{u"replicas"_s, count}}}});
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(answer.size())
                      + "\r\n\r\n" + answer);
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QByteArray, int> m_replicas;
    QList<QByteArray> m_patches;
    QByteArray m_authorization;
};

} // namespace

class TestKubeReconcile : public QObject
{
    Q_OBJECT

private:
    wf::test::TestCluster m_cluster;
    FakeKubernetes m_kubernetes;
    QTemporaryDir m_secrets;
    wf::test::PlatformProcess m_scaler{u"wf-stack"_s};

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_cluster.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile token(m_secrets.filePath(u"token"_s));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("service-account-token");
        token.close();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"WF_DATABASE_URL"_s, m_cluster.databaseUrl());
        environment.insert(u"WF_K8S_API"_s, u"http://127.0.0.1:%1"_s.arg(m_kubernetes.port()));
        environment.insert(u"WF_K8S_NAMESPACE"_s, u"wf-test"_s);
        environment.insert(u"WF_K8S_TOKEN_PATH"_s, token.fileName());
        environment.insert(u"WF_STACK_SERVER_MIN"_s, u"2"_s);
        environment.insert(u"WF_STACK_WORKER_MAX"_s, u"12"_s);
        const QString started = m_scaler.start({u"reconcile"_s, u"--backend"_s, u"kubernetes"_s}, environment);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QVERIFY2(m_scaler.waitForOutput("reconciling scaling_targets", 60000), m_scaler.output().constData());
    }

    void desiredCountsBecomeScalePatchesAndActualComesBack()
    {
        // The rows are adopted with the default counts; the Deployments already have them.
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.scalar(u"SELECT desired || '/' || min_replicas || '/' || max_replicas FROM "
                                                   "scaling_targets WHERE component = 'server'"_s),
                                  u"3/2/16"_s, 10000);
        m_cluster.scalar(u"UPDATE scaling_targets SET desired = 5, updated_by = 'test' WHERE component = 'worker'"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_kubernetes.patches().contains("wf-worker {\"spec\":{\"replicas\":5}}"), 10000);
        QCOMPARE(m_kubernetes.lastAuthorization(), QByteArray("Bearer service-account-token"));
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.scalar(u"SELECT actual FROM scaling_targets WHERE component = 'worker'"_s), u"5"_s, 10000);
        // A Deployment changed behind the backend's back is set to the desired count again.
        m_cluster.scalar(u"UPDATE scaling_targets SET desired = 4 WHERE component = 'server'"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_kubernetes.replicas("wf-server"), 4, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster.scalar(u"SELECT actual FROM scaling_targets WHERE component = 'server'"_s), u"4"_s, 10000);
        QVERIFY(m_scaler.running());
    }

    void cleanupTestCase()
    {
        m_scaler.stop();
    }
};

QTEST_GUILESS_MAIN(TestKubeReconcile)
#include "tst_kubereconcile.moc"
