#pragma once

#include "egresspolicy.h"

#include "core/result.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace wf {

// Where a webhook request really goes: the address it was checked for, in the URL, so that the
// connection cannot be made to another one (a second DNS answer, a rebinding name).
struct PinnedUrl
{
    QUrl url;            // the request's URL with the checked address as its host
    QByteArray host;     // the Host header: the name (and port) the URL had
    QString verifyName;  // the name a TLS certificate must carry
    QHostAddress address;
};

// The thread's HTTP clients for webhook steps: a few QNetworkAccessManagers handed out round robin
// (one manager opens at most six connections per host and queues the rest), and the egress check
// every request passes first (EgressPolicy, on each resolved address). No proxy, no cookies, no
// redirects followed by Qt (the caller follows them, checking each). Lives in, and is used only
// by, the thread that created it.
class HttpClientPool : public QObject
{
    Q_OBJECT

public:
    // Calls `done` on `context`'s thread with the addresses `host` has, or an error text.
    using Resolver = std::function<void(const QString &host, QObject *context,
                                        std::function<void(const QList<QHostAddress> &addresses, const QString &error)> done)>;

    explicit HttpClientPool(EgressPolicy policy, int size = 8, QObject *parent = nullptr);
    ~HttpClientPool() override;

    // The next manager; never null.
    QNetworkAccessManager *next();
    int size() const;
    const EgressPolicy &policy() const { return m_policy; }
    // Replaces the system's resolver (tests map names to addresses of their choosing).
    void setResolver(Resolver resolver) { m_resolver = std::move(resolver); }

    // Resolves `url`'s host, checks every address it has against the policy (one refused address
    // refuses the name: which one a connection would use is not ours to pick), and answers the
    // URL to connect to, or why not, on `context`'s thread.
    void pin(const QUrl &url, QObject *context, std::function<void(Result<PinnedUrl>)> done);

private:
    QList<QNetworkAccessManager *> m_managers; // children of this
    int m_next = 0;
    EgressPolicy m_policy;
    Resolver m_resolver;
};

} // namespace wf
