#pragma once

#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace wf::stack {

// The Kubernetes backend of scaling: makes a component's desired replica count true by patching
// the scale subresource of its Deployment (deploy/k8s, RBAC in rbac.yaml), as wf-stack does with
// local processes. Asynchronous: every call answers once through `done`, from the event loop of
// the scaler's thread and never from within the call itself; a scaler destroyed first drops the
// answers still pending.
//
// Errors: an unknown component or a negative count is invalid (nothing is sent); 401/403 are
// unavailable with the API's own message (the service account lacks the Role, or its token
// expired: the platform's, not the caller's, credentials, hence not Unauthorized); 404 is
// notFound (no such Deployment in the namespace); 409 conflict; 400/422 invalid; 429
// rateLimited; an unreadable token, no CA for https, the API unreachable, TLS failures and 5xx
// are unavailable.
class KubernetesScaler : public QObject
{
public:
    struct Options
    {
        // In a pod: the API server's in-cluster name. Plain http is accepted (tests, kubectl proxy).
        QUrl apiServer = QUrl(QStringLiteral("https://kubernetes.default.svc"));
        // Empty: the pod's own namespace, from the `namespace` file beside tokenPath.
        QString ns;
        // Read at every call: the kubelet rotates projected service account tokens.
        QString tokenPath = QStringLiteral("/var/run/secrets/kubernetes.io/serviceaccount/token");
        // The cluster's CA; for https the API server's certificate must chain to it (and only to it).
        QString caPath = QStringLiteral("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt");
        // component -> Deployment name, e.g. "server" -> "wf-server".
        QHash<QString, QString> deployments;
        int timeoutMs = 10000;
    };

    explicit KubernetesScaler(Options options, QObject *parent = nullptr);
    ~KubernetesScaler() override;

    const Options &options() const { return m_options; }

    // PATCH .../deployments/{name}/scale {"spec":{"replicas":n}}. The answer is the count
    // Kubernetes reports in the Scale it returns: status.replicas (the pods that exist now, which
    // catches up with n as they start or stop), or spec.replicas when the answer has no status.
    void setReplicas(const QString &component, int replicas, std::function<void(Result<int>)> done);

    // GET .../deployments/{name}/scale: (desired = spec.replicas, actual = status.replicas).
    void replicas(const QString &component, std::function<void(Result<QPair<int, int>>)> done);

private:
    // One request to the component's scale subresource; `answer` gets the Scale object the API
    // returned, or the error, always from the event loop.
    void request(const QString &component, const QByteArray &verb, const QByteArray &body,
                 std::function<void(Result<QJsonObject>)> answer);
    Result<QString> namespaceName() const;

    Options m_options;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace wf::stack
