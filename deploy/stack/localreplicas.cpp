#include "localreplicas.h"

#include "replicaset.h"
#include "serverpool.h"

using namespace Qt::StringLiterals;

namespace wf::stack {

LocalReplicas::LocalReplicas(ServerPool &servers, ReplicaSet &workers) : m_servers(servers), m_workers(workers) { }

int LocalReplicas::applied(const QString &component) const
{
    if (component == u"server"_s)
        return m_servers.desired();
    if (component == u"worker"_s)
        return m_workers.desired();
    return -1;
}

void LocalReplicas::apply(const QString &component, int replicas)
{
    if (component == u"server"_s)
        m_servers.setDesired(replicas);
    else if (component == u"worker"_s)
        m_workers.setDesired(replicas);
}

int LocalReplicas::actual(const QString &component) const
{
    if (component == u"server"_s)
        return int(m_servers.upstream().size());
    if (component == u"worker"_s)
        return m_workers.actual();
    return 0;
}

} // namespace wf::stack
