#include "apithread.h"

#include "api/admincontroller.h"
#include "cache/cache.h"
#include "api/healthcontroller.h"
#include "api/runcontroller.h"
#include "api/workflowcontroller.h"
#include "http/apiserver.h"

#include "core/logging.h"
#include "store/aftercommit.h"
#include "store/runstore.h"
#include "store/workflowstore.h"

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

void ApiThread::run()
{
    http::ApiServer server({m_services.instanceId, m_services.maxBodyBytes});
    // One cache connection per event loop: hiredis contexts belong to one thread.
    Cache cache(m_services.redisUrl);
    Cache *cachePointer = cache.enabled() ? &cache : nullptr;
    api::HealthController health(&server, *m_services.database, m_services.producer, cachePointer);
    AfterCommit changes(m_services.publisher, cachePointer);
    WorkflowStore workflowStore(*m_services.database, &changes);
    RunStore runStore(*m_services.database, *m_services.triggers, &changes);
    api::WorkflowController workflows(&server, workflowStore, *m_services.steps, cachePointer);
    api::RunController runs(&server, runStore, cachePointer);
    api::AdminController admin(&server, *m_services.scaling, m_services.adminToken);
    health.registerRoutes(server.router());
    workflows.registerRoutes(server.router());
    runs.registerRoutes(server.router());
    admin.registerRoutes(server.router());

    auto *tcp = new QTcpServer(&server);
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
