#include "apithread.h"

#include "apiendpoints.h"

#include "api/gatekeeper.h"

#include "cache/cache.h"
#include "cache/ratelimiter.h"
#include "http/apiserver.h"

#include "core/logging.h"
#include "metrics/metrics.h"

#include <QTcpServer>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wf::app {

ApiThread::ApiThread(const ApiServices &services, int listeningFd, int index) : m_services(services), m_fd(listeningFd)
{
    setObjectName(u"wf-api-%1"_s.arg(index));
}

ApiThread::~ApiThread()
{
    quit();
    wait();
}

void ApiThread::stopListening()
{
    if (m_tcp)
        QMetaObject::invokeMethod(m_tcp.data(), &QTcpServer::close, Qt::BlockingQueuedConnection);
}

void ApiThread::observe(const QString &route, const QByteArray &method, int status, double seconds)
{
    Metrics::instance().httpRequest(route.isEmpty() ? QStringLiteral("unmatched") : route, method, status, seconds);
}

void ApiThread::run()
{
    http::ApiServer server({m_services.instanceId, m_services.maxBodyBytes, &ApiThread::observe});
    // One cache connection per event loop: hiredis contexts belong to one thread.
    Cache cache(m_services.redisUrl);
    Cache *cachePointer = cache.enabled() ? &cache : nullptr;
    ApiEndpoints endpoints(&server, m_services, cachePointer);
    endpoints.registerRoutes(server.router());
    api::Gatekeeper gate(&server, *m_services.keys, m_services.authRequired ? api::Gatekeeper::Mode::Required : api::Gatekeeper::Mode::Open);
    RateLimiter limiter(cache.connection(), *m_services.buckets);
    gate.setRateLimits(&limiter, m_services.rateLimits);
    server.setAdmission([&gate](const http::HttpRequest &request, const http::Reply &reply, api::Gatekeeper::Proceed proceed) {
        gate.admit(request, reply, std::move(proceed));
    });
    QTcpServer *tcp = server.createTcpServer(&server);
    m_tcp = tcp;
    if (!tcp->setSocketDescriptor(m_fd)) {
        qCCritical(lcServer) << objectName() << "cannot adopt the listening socket:" << tcp->errorString();
        ::close(m_fd);
        return;
    }
    tcp->setMaxPendingConnections(4096);
    server.bind(tcp);
    exec();
}

} // namespace wf::app
