#include "httpclientpool.h"

#include <QNetworkAccessManager>

#include <algorithm>

namespace wf {

HttpClientPool::HttpClientPool(int size, QObject *parent) : QObject(parent)
{
    const int count = std::max(size, 1);
    m_managers.reserve(count);
    for (int i = 0; i < count; ++i) {
        auto *manager = new QNetworkAccessManager(this);
        // Webhooks of unrelated runs share these managers: nothing one response sets may leak into
        // another run's request. Cookies are switched off per request; there is no cache by default.
        manager->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
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

} // namespace wf
