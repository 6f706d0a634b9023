#pragma once

#include "replicabackend.h"

namespace wf::stack {

class ReplicaSet;
class ServerPool;

// Replicas as processes of this supervisor: servers through the pool (which keeps nginx in
// step), workers as a replica set. `actual` of servers counts those nginx sends requests to.
class LocalReplicas : public ReplicaBackend
{
public:
    LocalReplicas(ServerPool &servers, ReplicaSet &workers);

    int applied(const QString &component) const override;
    void apply(const QString &component, int replicas) override;
    int actual(const QString &component) const override;

private:
    ServerPool &m_servers;
    ReplicaSet &m_workers;
};

} // namespace wf::stack
