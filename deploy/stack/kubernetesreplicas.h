#pragma once

#include "kubernetesscaler.h"
#include "replicabackend.h"

#include <QHash>

namespace wf::stack {

// Replicas as Kubernetes Deployments: applying patches the Deployment's scale subresource,
// refreshing reads it back (status.replicas is what runs).
class KubernetesReplicas : public ReplicaBackend
{
public:
    explicit KubernetesReplicas(KubernetesScaler &scaler);

    int applied(const QString &component) const override;
    void apply(const QString &component, int replicas) override;
    int actual(const QString &component) const override;
    void refresh() override;

private:
    KubernetesScaler &m_scaler;
    QHash<QString, int> m_applied;
    QHash<QString, int> m_actual;
};

} // namespace wf::stack
