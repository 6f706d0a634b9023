#include "apithread.h"

#include "api/healthcontroller.h"
#include "api/runcontroller.h"
#include "api/workflowcontroller.h"
#include "http/apiserver.h"

#include "core/logging.h"

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

void ApiThread::run()
{
    http::ApiServer server({m_services.instanceId, m_services.maxBodyBytes});
    api::HealthController health(&server, *m_services.database, m_services.producer);
    api::WorkflowController workflows(&server, *m_services.workflows);
    api::RunController runs(&server, *m_services.runs);
    health.registerRoutes(server.router());
    workflows.registerRoutes(server.router());
    runs.registerRoutes(server.router());

    auto *tcp = new QTcpServer(&server);
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
