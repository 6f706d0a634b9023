#include "aftercommit.h"

#include "cache/cache.h"
#include "outbox/outboxpublisher.h"

namespace wf {

AfterCommit::AfterCommit(OutboxPublisher *publisher, Cache *cache) : m_publisher(publisher), m_cache(cache) { }

void AfterCommit::committed(const Change &change)
{
    if (m_publisher && !change.messages.isEmpty())
        m_publisher->publish(change.messages);
    if (!m_cache || (change.runs.isEmpty() && change.workflows.isEmpty()))
        return;
    QList<QByteArray> keys;
    keys.reserve(change.runs.size() + change.workflows.size());
    for (const QString &run : change.runs)
        keys.append(Cache::runKey(run));
    for (const QString &workflow : change.workflows)
        keys.append(Cache::workflowKey(workflow));
    m_cache->invalidate(keys);
}

} // namespace wf
