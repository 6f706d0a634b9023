#include "httpclientpool.h"

#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

void systemResolver(const QString &host, QObject *context,
                    std::function<void(const QList<QHostAddress> &addresses, const QString &error)> done)
{
    QHostInfo::lookupHost(host, context, [done = std::move(done)](const QHostInfo &info) {
        done(info.addresses(), info.error() == QHostInfo::NoError ? QString() : info.errorString());
    });
}

} // namespace

HttpClientPool::HttpClientPool(EgressPolicy policy, int size, QObject *parent)
    : QObject(parent), m_policy(std::move(policy)), m_resolver(&systemResolver)
{
    const int count = std::max(size, 1);
    m_managers.reserve(count);
    for (int i = 0; i < count; ++i) {
        auto *manager = new QNetworkAccessManager(this);
        // Webhooks of unrelated runs share these managers: nothing one response sets may leak into
        // another run's request. Cookies are switched off per request; there is no cache by default.
        // Redirects are followed by the webhook step, each target checked like the first.
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        // A proxy would connect on our behalf to an address nobody checked.
        manager->setProxy(QNetworkProxy::NoProxy);
        m_managers.append(manager);
    }
}

HttpClientPool::~HttpClientPool() = default;

QNetworkAccessManager *HttpClientPool::next()
{
    QNetworkAccessManager *manager = m_managers.at(m_next);
    m_next = (m_next + 1) % int(m_managers.size());
    return manager;
}

int HttpClientPool::size() const
{
    return int(m_managers.size());
}

void HttpClientPool::pin(const QUrl &url, QObject *context, std::function<void(Result<PinnedUrl>)> done)
{
    const QString host = url.host();
    const auto finish = [url, host, policy = m_policy, done](const QList<QHostAddress> &addresses, const QString &error) {
        if (addresses.isEmpty()) {
            done(Error::unavailable(u"cannot resolve %1: %2"_s.arg(host, error.isEmpty() ? u"no address"_s : error)));
            return;
        }
        for (const QHostAddress &address : addresses) {
            if (Status allowed = policy.check(address); !allowed) {
                const bool literal = addresses.size() == 1 && QHostAddress(host) == address;
                done(Error::invalid(u"refused: "_s + (literal ? QString() : host + u" resolves to "_s)
                                    + allowed.error().detail()));
                return;
            }
        }
        const QHostAddress &address = addresses.first();
        PinnedUrl pinned;
        pinned.address = address;
        pinned.url = url;
        pinned.url.setHost(address.toString());
        const int defaultPort = url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 ? 443 : 80;
        pinned.host = QUrl::toAce(host);
        if (pinned.host.isEmpty())
            pinned.host = host.toLatin1();
        if (host.contains(u':')) // an IPv6 literal
            pinned.host = '[' + pinned.host + ']';
        if (url.port(defaultPort) != defaultPort)
            pinned.host += ':' + QByteArray::number(url.port());
        pinned.verifyName = host;
        done(pinned);
    };
    const QHostAddress literal(host);
    if (!literal.isNull()) {
        finish({literal}, {});
        return;
    }
    m_resolver(host, context, finish);
}

} // namespace wf
