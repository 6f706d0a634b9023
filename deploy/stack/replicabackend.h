#pragma once

#include <QString>

namespace wf::stack {

// Whatever runs the replicas of "server" and "worker": processes on this machine (wf-stack) or
// Deployments in Kubernetes. The reconciler asks it for a count and reads back what runs.
class ReplicaBackend
{
public:
    virtual ~ReplicaBackend() = default;
    // The count last asked for (-1 before the first).
    virtual int applied(const QString &component) const = 0;
    virtual void apply(const QString &component, int replicas) = 0;
    // What runs and takes work now.
    virtual int actual(const QString &component) const = 0;
    // Called once per reconciliation, before the counts are read (a remote backend polls here).
    virtual void refresh() { }
};

} // namespace wf::stack
