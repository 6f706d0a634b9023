// The Kubernetes scaling backend against a fake API server on loopback (plain HTTP): the request
// it sends (verb, path, token, content type, merge patch), the answers it reads, token rotation,
// and how Kubernetes' errors become wf::Error.
#include "rawhttprequest.h"
#include "stack/kubernetesscaler.h"

#include "core/json.h"

#include <QJsonArray>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace Qt::StringLiterals;
using wf::Error;
using wf::Result;
using wf::stack::KubernetesScaler;

namespace {

// Enough of an HTTP/1.1 server to stand in for the Kubernetes API: records each request and
// answers every one with the configured status and JSON body, keeping connections alive.
class FakeKubernetes : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };

    // Plain HTTP, or HTTPS with the given certificate and key.
    explicit FakeKubernetes(const std::optional<QSslConfiguration> &tls = std::nullopt)
    {
        if (tls) {
            auto *server = new QSslServer(this);
            server->setSslConfiguration(*tls);
            m_server = server;
        } else {
            m_server = new QTcpServer(this);
        }
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server->listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const
    {
        const bool tls = qobject_cast<QSslServer *>(m_server) != nullptr;
        return QUrl(u"%1://127.0.0.1:%2"_s.arg(tls ? u"https"_s : u"http"_s).arg(m_server->serverPort()));
    }
    void answer(int status, const QJsonObject &body)
    {
        m_status = status;
        m_body = wf::json::serialize(body);
    }
    const QList<Request> &requests() const { return m_requests; }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        while (const std::optional<wf::test::RawHttpRequest> raw = wf::test::RawHttpRequest::take(buffer)) {
            Request request{raw->method, raw->path, raw->headers, raw->body};
            m_requests.append(request);
            socket->write("HTTP/1.1 " + QByteArray::number(m_status) + " Answer\r\n"
                          "Content-Type: application/json\r\n"
                          "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n\r\n" + m_body);
        }
    }

    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Request> m_requests;
    int m_status = 200;
    QByteArray m_body = "{}";
};

// A Scale object as the API server returns it for a Deployment.
QJsonObject scale(const QString &name, std::optional<int> desired, std::optional<int> actual)
{
    QJsonObject object{{u"kind"_s, u"Scale"_s},
                       {u"apiVersion"_s, u"autoscaling/v1"_s},
                       {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, u"wf-test"_s}}}};
    QJsonObject spec;
    if (desired)
        spec.insert(u"replicas"_s, *desired);
    object.insert(u"spec"_s, spec);
    if (actual)
        object.insert(u"status"_s, QJsonObject{{u"replicas"_s, *actual}, {u"selector"_s, QString(u"app.kubernetes.io/name="_s + name)}});
    return object;
}

// Kubernetes' error answer (a Status object).
QJsonObject status(int code, const QString &reason, const QString &message)
{
    return {{u"kind"_s, u"Status"_s},   {u"apiVersion"_s, u"v1"_s}, {u"metadata"_s, QJsonObject{}},
            {u"status"_s, u"Failure"_s}, {u"message"_s, message},   {u"reason"_s, reason},
            {u"code"_s, code}};
}

// A self-signed certificate for 127.0.0.1 (its own CA, like a cluster's) made by openssl.
bool makeCertificate(const QString &directory, const QString &name)
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        return false;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s,
                            u"-nodes"_s, u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=kubernetes"_s, u"-addext"_s,
                            u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, directory + u'/' + name + u".key"_s,
                            u"-out"_s, directory + u'/' + name + u".crt"_s});
    const bool made = process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!made)
        qWarning().noquote() << "openssl:" << process.readAll();
    return made;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(content) == content.size();
}

} // namespace

class TestKubernetes : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeKubernetes *m_api = nullptr;
    KubernetesScaler *m_scaler = nullptr;

    QString tokenPath() const { return m_dir.filePath(u"token"_s); }
    KubernetesScaler::Options options() const;
    Result<int> setReplicas(KubernetesScaler &scaler, const QString &component, int replicas);
    Result<QPair<int, int>> replicas(KubernetesScaler &scaler, const QString &component);

private Q_SLOTS:
    void init();
    void cleanup();
    void setReplicasPatchesTheScaleSubresource();
    void answerWithoutStatusGivesSpecReplicas();
    void tokenIsReadAtEveryCall();
    void forbiddenCarriesTheApiMessage();
    void httpErrors_data();
    void httpErrors();
    void unknownComponentSendsNothing();
    void negativeReplicasSendNothing();
    void missingTokenSendsNothing();
    void httpsNeedsTheClusterCa();
    void httpsTrustsTheClusterCaOnly();
    void unreachableApiIsUnavailable();
    void replicasReadsDesiredAndActual();
    void namespaceDefaultsToThePodsOwn();
};

KubernetesScaler::Options TestKubernetes::options() const
{
    KubernetesScaler::Options options;
    options.apiServer = m_api->url();
    options.ns = u"wf-test"_s;
    options.tokenPath = tokenPath();
    options.caPath = m_dir.filePath(u"ca.crt"_s);
    options.deployments = {{u"server"_s, u"wf-server"_s}, {u"worker"_s, u"wf-worker"_s}};
    options.timeoutMs = 5000;
    return options;
}

Result<int> TestKubernetes::setReplicas(KubernetesScaler &scaler, const QString &component, int replicas)
{
    std::optional<Result<int>> result;
    scaler.setReplicas(component, replicas, [&result](Result<int> r) { result.emplace(std::move(r)); });
    if (result)
        return Error::internal(u"answered from within the call"_s);
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return Error::internal(u"no answer within 10 s"_s);
    return *result;
}

Result<QPair<int, int>> TestKubernetes::replicas(KubernetesScaler &scaler, const QString &component)
{
    std::optional<Result<QPair<int, int>>> result;
    scaler.replicas(component, [&result](Result<QPair<int, int>> r) { result.emplace(std::move(r)); });
    if (result)
        return Error::internal(u"answered from within the call"_s);
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return Error::internal(u"no answer within 10 s"_s);
    return *result;
}

void TestKubernetes::init()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(writeFile(tokenPath(), "token-one\n"));
    m_api = new FakeKubernetes;
    QVERIFY(m_api->url().port() > 0);
    m_scaler = new KubernetesScaler(options());
}

void TestKubernetes::cleanup()
{
    delete m_scaler;
    m_scaler = nullptr;
    delete m_api;
    m_api = nullptr;
}

void TestKubernetes::setReplicasPatchesTheScaleSubresource()
{
    // Right after the patch, Kubernetes reports the new spec and the pods that exist so far.
    m_api->answer(200, scale(u"wf-server"_s, 5, 3));
    const auto result = setReplicas(*m_scaler, u"server"_s, 5);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail()));
    QCOMPARE(*result, 3);

    QCOMPARE(m_api->requests().size(), 1);
    const auto &request = m_api->requests().constFirst();
    QCOMPARE(request.method, QByteArray("PATCH"));
    QCOMPARE(request.path, QByteArray("/apis/apps/v1/namespaces/wf-test/deployments/wf-server/scale"));
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer token-one"));
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/merge-patch+json"));
    QCOMPARE(request.body, QByteArray("{\"spec\":{\"replicas\":5}}"));
}

void TestKubernetes::answerWithoutStatusGivesSpecReplicas()
{
    m_api->answer(200, scale(u"wf-worker"_s, 7, std::nullopt));
    const auto result = setReplicas(*m_scaler, u"worker"_s, 7);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail()));
    QCOMPARE(*result, 7);
    QCOMPARE(m_api->requests().constFirst().path, QByteArray("/apis/apps/v1/namespaces/wf-test/deployments/wf-worker/scale"));
}

void TestKubernetes::tokenIsReadAtEveryCall()
{
    m_api->answer(200, scale(u"wf-server"_s, 4, 4));
    QVERIFY(setReplicas(*m_scaler, u"server"_s, 4).ok());
    // The kubelet rotates projected tokens in place.
    QVERIFY(writeFile(tokenPath(), "token-two"));
    QVERIFY(setReplicas(*m_scaler, u"server"_s, 4).ok());
    QCOMPARE(m_api->requests().size(), 2);
    QCOMPARE(m_api->requests().at(0).headers.value("authorization"), QByteArray("Bearer token-one"));
    QCOMPARE(m_api->requests().at(1).headers.value("authorization"), QByteArray("Bearer token-two"));
}

void TestKubernetes::forbiddenCarriesTheApiMessage()
{
    const QString message = u"deployments.apps \"wf-server\" is forbidden: User \"system:serviceaccount:wf-test:default\" "
                            "cannot patch resource \"deployments/scale\" in API group \"apps\" in the namespace \"wf-test\""_s;
    m_api->answer(403, status(403, u"Forbidden"_s, message));
    const auto result = setReplicas(*m_scaler, u"server"_s, 5);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), Error::Kind::Unavailable);
    QVERIFY2(result.error().detail().contains(message), qPrintable(result.error().detail()));
    QVERIFY2(result.error().detail().contains(u"403"_s), qPrintable(result.error().detail()));
}

void TestKubernetes::httpErrors_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addRow("401 token expired") << 401 << u"Unauthorized"_s << Error::Kind::Unavailable;
    QTest::addRow("404 no such deployment") << 404 << u"NotFound"_s << Error::Kind::NotFound;
    QTest::addRow("409 conflict") << 409 << u"Conflict"_s << Error::Kind::Conflict;
    QTest::addRow("422 invalid") << 422 << u"Invalid"_s << Error::Kind::Invalid;
    QTest::addRow("429 throttled") << 429 << u"TooManyRequests"_s << Error::Kind::RateLimited;
    QTest::addRow("500 api server") << 500 << u"InternalError"_s << Error::Kind::Unavailable;
    QTest::addRow("503 api server") << 503 << u"ServiceUnavailable"_s << Error::Kind::Unavailable;
}

void TestKubernetes::httpErrors()
{
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(Error::Kind, kind);
    const QString message = u"the API says %1"_s.arg(reason);
    m_api->answer(code, status(code, reason, message));
    const auto result = setReplicas(*m_scaler, u"worker"_s, 2);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), kind);
    QVERIFY2(result.error().detail().contains(message), qPrintable(result.error().detail()));

    const auto read = replicas(*m_scaler, u"worker"_s);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind(), kind);
}

void TestKubernetes::unknownComponentSendsNothing()
{
    const auto result = setReplicas(*m_scaler, u"broker"_s, 2);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), Error::Kind::Invalid);
    QVERIFY2(result.error().detail().contains(u"broker"_s), qPrintable(result.error().detail()));
    QVERIFY2(result.error().detail().contains(u"server, worker"_s), qPrintable(result.error().detail()));
    const auto read = replicas(*m_scaler, u"broker"_s);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind(), Error::Kind::Invalid);
    QCOMPARE(m_api->requests().size(), 0);
}

void TestKubernetes::negativeReplicasSendNothing()
{
    const auto result = setReplicas(*m_scaler, u"server"_s, -1);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), Error::Kind::Invalid);
    QCOMPARE(m_api->requests().size(), 0);
}

void TestKubernetes::missingTokenSendsNothing()
{
    QVERIFY(QFile::remove(tokenPath()));
    const auto result = setReplicas(*m_scaler, u"server"_s, 2);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), Error::Kind::Unavailable);
    QVERIFY2(result.error().detail().contains(tokenPath()), qPrintable(result.error().detail()));
    QCOMPARE(m_api->requests().size(), 0);
}

void TestKubernetes::httpsNeedsTheClusterCa()
{
    // No ca.crt: no connection is made rather than one verified against the wrong roots.
    KubernetesScaler::Options tls = options();
    tls.apiServer.setScheme(u"https"_s);
    KubernetesScaler scaler(tls);
    const auto result = setReplicas(scaler, u"server"_s, 2);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), Error::Kind::Unavailable);
    QVERIFY2(result.error().detail().contains(tls.caPath), qPrintable(result.error().detail()));
    QCOMPARE(m_api->requests().size(), 0);
}

void TestKubernetes::httpsTrustsTheClusterCaOnly()
{
    if (!makeCertificate(m_dir.path(), u"cluster"_s) || !makeCertificate(m_dir.path(), u"stranger"_s))
        QSKIP("openssl cannot make test certificates here");
    QFile keyFile(m_dir.filePath(u"cluster.key"_s));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate::fromPath(m_dir.filePath(u"cluster.crt"_s)).value(0));
    tls.setPrivateKey(QSslKey(&keyFile, QSsl::Ec));
    QVERIFY(!tls.localCertificate().isNull());
    QVERIFY(!tls.privateKey().isNull());
    FakeKubernetes api(tls);
    api.answer(200, scale(u"wf-server"_s, 6, 6));

    KubernetesScaler::Options options = this->options();
    options.apiServer = api.url();
    options.caPath = m_dir.filePath(u"cluster.crt"_s);
    KubernetesScaler trusting(options);
    const auto result = setReplicas(trusting, u"server"_s, 6);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail()));
    QCOMPARE(*result, 6);
    QCOMPARE(api.requests().size(), 1);
    QCOMPARE(api.requests().constFirst().headers.value("authorization"), QByteArray("Bearer token-one"));

    // Another CA (the system's store is not consulted either): the handshake fails, the token
    // is never sent.
    options.caPath = m_dir.filePath(u"stranger.crt"_s);
    KubernetesScaler suspicious(options);
    const auto refused = setReplicas(suspicious, u"server"_s, 6);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind(), Error::Kind::Unavailable);
    QVERIFY2(refused.error().detail().contains(u"unreachable"_s), qPrintable(refused.error().detail()));
    QCOMPARE(api.requests().size(), 1);
}

void TestKubernetes::unreachableApiIsUnavailable()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    KubernetesScaler::Options closed = options();
    closed.apiServer = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    KubernetesScaler scaler(closed);
    const auto result = setReplicas(scaler, u"server"_s, 2);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), Error::Kind::Unavailable);
}

void TestKubernetes::replicasReadsDesiredAndActual()
{
    m_api->answer(200, scale(u"wf-worker"_s, 5, 3));
    const auto result = replicas(*m_scaler, u"worker"_s);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail()));
    QCOMPARE(result->first, 5);
    QCOMPARE(result->second, 3);

    // Scaled to zero: Kubernetes leaves spec.replicas out.
    m_api->answer(200, scale(u"wf-worker"_s, std::nullopt, 0));
    const auto zero = replicas(*m_scaler, u"worker"_s);
    QVERIFY(zero.ok());
    QCOMPARE(*zero, qMakePair(0, 0));

    QCOMPARE(m_api->requests().size(), 2);
    const auto &request = m_api->requests().constFirst();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path, QByteArray("/apis/apps/v1/namespaces/wf-test/deployments/wf-worker/scale"));
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer token-one"));
    QVERIFY(request.body.isEmpty());
}

void TestKubernetes::namespaceDefaultsToThePodsOwn()
{
    // As mounted in a pod: token, ca.crt and namespace side by side.
    QVERIFY(writeFile(m_dir.filePath(u"namespace"_s), "wf-pod-namespace"));
    KubernetesScaler::Options inPod = options();
    inPod.ns.clear();
    KubernetesScaler scaler(inPod);
    m_api->answer(200, scale(u"wf-server"_s, 2, 2));
    QVERIFY(setReplicas(scaler, u"server"_s, 2).ok());
    QCOMPARE(m_api->requests().constFirst().path,
             QByteArray("/apis/apps/v1/namespaces/wf-pod-namespace/deployments/wf-server/scale"));
}

QTEST_GUILESS_MAIN(TestKubernetes)
#include "tst_kubernetes.moc"
