#include "kubernetesscaler.h"

#include "core/json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStringList>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace wf::stack {

namespace {

Q_LOGGING_CATEGORY(lcKubernetes, "wf.stack.kubernetes")

Result<QByteArray> readFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::unavailable(u"cannot read the %1 %2: %3"_s.arg(what, path, file.errorString()));
    const QByteArray content = file.readAll().trimmed();
    if (content.isEmpty())
        return Error::unavailable(u"the %1 %2 is empty"_s.arg(what, path));
    return content;
}

// The `message` of the Status object Kubernetes answers errors with; the start of the body
// when the answer is something else (a proxy's error page).
QString apiMessage(const QByteArray &body)
{
    if (const auto parsed = json::parse(body); parsed && parsed->isObject()) {
        const QString message = parsed->toObject().value(u"message"_s).toString();
        if (!message.isEmpty())
            return message;
    }
    return QString::fromUtf8(body.left(200)).simplified();
}

Error httpError(int status, const QString &message, const QString &what)
{
    const QString detail = u"Kubernetes API: %1 (HTTP %2 for %3)"_s.arg(message.isEmpty() ? u"no message"_s : message)
                                   .arg(status)
                                   .arg(what);
    switch (status) {
    case 401: // the token expired or was never valid
    case 403: // the service account lacks the Role (deploy/k8s/rbac.yaml)
        return Error::unavailable(detail);
    case 404:
        return Error::notFound(detail);
    case 409:
        return Error::conflict(detail);
    case 400:
    case 422:
        return Error::invalid(detail);
    case 429:
        return Error(Error::Kind::RateLimited, detail);
    default:
        return Error::unavailable(detail);
    }
}

std::optional<int> replicasIn(const QJsonObject &scale, const QString &section)
{
    const QJsonValue value = scale.value(section).toObject().value(u"replicas"_s);
    if (!value.isDouble())
        return std::nullopt;
    return value.toInt();
}

} // namespace

KubernetesScaler::KubernetesScaler(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_network(new QNetworkAccessManager(this))
{
}

KubernetesScaler::~KubernetesScaler() = default;

void KubernetesScaler::setReplicas(const QString &component, int replicas, std::function<void(Result<int>)> done)
{
    if (replicas < 0) {
        const Error error = Error::invalid(u"replicas must not be negative (got %1)"_s.arg(replicas));
        QMetaObject::invokeMethod(this, [done, error] { done(error); }, Qt::QueuedConnection);
        return;
    }
    const QJsonObject patch{{u"spec"_s, QJsonObject{{u"replicas"_s, replicas}}}};
    request(component, "PATCH", json::serialize(patch), [component, replicas, done](Result<QJsonObject> scale) {
        if (!scale) {
            qCWarning(lcKubernetes).noquote() << u"scaling %1 to %2 failed: %3"_s.arg(component).arg(replicas).arg(scale.error().detail());
            done(scale.error());
            return;
        }
        // status.replicas is what exists now; spec.replicas when the answer carries no status.
        std::optional<int> count = replicasIn(*scale, u"status"_s);
        if (!count)
            count = replicasIn(*scale, u"spec"_s);
        if (!count) {
            done(Error::unavailable(u"Kubernetes API: the answer to scaling %1 holds no replica count"_s.arg(component)));
            return;
        }
        qCInfo(lcKubernetes).noquote() << u"%1 scaled to %2 replicas (%3 now)"_s.arg(component).arg(replicas).arg(*count);
        done(*count);
    });
}

void KubernetesScaler::replicas(const QString &component, std::function<void(Result<QPair<int, int>>)> done)
{
    request(component, "GET", {}, [done](Result<QJsonObject> scale) {
        if (!scale) {
            done(scale.error());
            return;
        }
        // Kubernetes omits spec.replicas when it is 0; status.replicas is always there.
        const bool isScale = scale->contains(u"spec"_s) || scale->contains(u"status"_s);
        if (!isScale) {
            done(Error::unavailable(u"Kubernetes API: the answer is not a Scale object"_s));
            return;
        }
        done(qMakePair(replicasIn(*scale, u"spec"_s).value_or(0), replicasIn(*scale, u"status"_s).value_or(0)));
    });
}

Result<QString> KubernetesScaler::namespaceName() const
{
    if (!m_options.ns.isEmpty())
        return m_options.ns;
    // In a pod, the namespace is mounted next to the token.
    const QString path = QFileInfo(m_options.tokenPath).dir().filePath(u"namespace"_s);
    const auto content = readFile(path, u"service account namespace file"_s);
    if (!content)
        return Error::invalid(u"no Kubernetes namespace configured, and "_s + content.error().detail());
    return QString::fromUtf8(*content);
}

void KubernetesScaler::request(const QString &component, const QByteArray &verb, const QByteArray &body,
                               std::function<void(Result<QJsonObject>)> answer)
{
    // Errors found before anything is sent still answer from the event loop, like the rest.
    const auto failLater = [this, &answer](const Error &error) {
        QMetaObject::invokeMethod(this, [answer, error] { answer(error); }, Qt::QueuedConnection);
    };

    const QString deployment = m_options.deployments.value(component);
    if (deployment.isEmpty()) {
        QStringList known = m_options.deployments.keys();
        std::sort(known.begin(), known.end());
        failLater(Error::invalid(u"unknown component \"%1\" (known: %2)"_s.arg(component, known.join(u", "_s))));
        return;
    }
    const QString scheme = m_options.apiServer.scheme();
    if (!m_options.apiServer.isValid() || (scheme != u"https"_s && scheme != u"http"_s)) {
        failLater(Error::invalid(u"the Kubernetes API server must be an http(s) URL, not \"%1\""_s.arg(m_options.apiServer.toString())));
        return;
    }
    const auto ns = namespaceName();
    if (!ns) {
        failLater(ns.error());
        return;
    }
    // Read at every call: projected service account tokens are rotated by the kubelet.
    const auto token = readFile(m_options.tokenPath, u"service account token"_s);
    if (!token) {
        failLater(token.error());
        return;
    }

    QUrl url = m_options.apiServer;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/apis/apps/v1/namespaces/%1/deployments/%2/scale"_s.arg(*ns, deployment));

    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + *token);
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/merge-patch+json"));
    request.setTransferTimeout(m_options.timeoutMs);
    if (scheme == u"https"_s) {
        // Trust the cluster's CA only: not the system's store, not "any certificate".
        const QList<QSslCertificate> ca = QSslCertificate::fromPath(m_options.caPath, QSsl::Pem);
        if (ca.isEmpty()) {
            failLater(Error::unavailable(u"no CA certificate in %1 to verify the Kubernetes API server with"_s.arg(m_options.caPath)));
            return;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(ca);
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        request.setSslConfiguration(tls);
    }

    const QString what = u"%1 deployments/%2/scale in namespace %3"_s.arg(QString::fromLatin1(verb), deployment, *ns);
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    connect(reply, &QNetworkReply::finished, this, [reply, what, answer] {
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        const QByteArray data = reply->readAll();
        if (!status.isValid()) {
            answer(Error::unavailable(u"Kubernetes API unreachable for %1: %2"_s.arg(what, reply->errorString())));
            return;
        }
        const int code = status.toInt();
        if (code < 200 || code >= 300) {
            answer(httpError(code, apiMessage(data), what));
            return;
        }
        const auto parsed = json::parse(data);
        if (!parsed || !parsed->isObject()) {
            answer(Error::unavailable(u"Kubernetes API answered %1 with something that is not JSON"_s.arg(what)));
            return;
        }
        answer(parsed->toObject());
    });
}

} // namespace wf::stack
