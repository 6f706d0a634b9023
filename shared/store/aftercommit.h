#pragma once

#include "changesink.h"

namespace wf {

class Cache;
class OutboxPublisher;

// The ChangeSink of a process: publishes the change's messages and drops the stale cache keys.
// Either part may be absent (no broker: messages wait in the outbox; no Redis: nothing cached).
class AfterCommit : public ChangeSink
{
public:
    AfterCommit(OutboxPublisher *publisher, Cache *cache);

    void committed(const Change &change) override;

private:
    OutboxPublisher *m_publisher;
    Cache *m_cache;
};

} // namespace wf
