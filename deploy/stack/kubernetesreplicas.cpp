#include "kubernetesreplicas.h"

#include "core/logging.h"

namespace wf::stack {

KubernetesReplicas::KubernetesReplicas(KubernetesScaler &scaler) : m_scaler(scaler) { }

int KubernetesReplicas::applied(const QString &component) const
{
    return m_applied.value(component, -1);
}

void KubernetesReplicas::apply(const QString &component, int replicas)
{
    m_applied.insert(component, replicas);
    m_scaler.setReplicas(component, replicas, [this, component, replicas](const Result<int> &result) {
        if (!result.ok()) {
            // Forget it, so that the next reconciliation tries again.
            m_applied.remove(component);
            qCWarning(lcCore) << "cannot scale" << component << "to" << replicas << ":" << result.error().detail();
        }
    });
}

int KubernetesReplicas::actual(const QString &component) const
{
    return m_actual.value(component, 0);
}

void KubernetesReplicas::refresh()
{
    const QList<QString> components = m_scaler.options().deployments.keys();
    for (const QString &component : components) {
        m_scaler.replicas(component, [this, component](const Result<QPair<int, int>> &counts) {
            if (!counts.ok())
                return;
            m_actual.insert(component, counts->second);
            // Someone else (kubectl, an HPA) may have changed the Deployment: apply again.
            if (m_applied.value(component, -1) != counts->first)
                m_applied.remove(component);
        });
    }
}

} // namespace wf::stack
