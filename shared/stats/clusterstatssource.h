#pragma once

#include "clusterview.h"

#include <QObject>

#include <functional>

namespace wf {

class RedisConnection;
class ScalingStore;
class StatsStore;
namespace kafka {
class GroupLag;
}

// Gathers a ClusterView: the live snapshots from Redis and from PostgreSQL's fallback table,
// the figures only PostgreSQL has, the scaling targets, and the consumer group's lag as this
// process last measured it. Each part that cannot be had is left out and named in
// `unavailable`; the view is always delivered, on this object's thread.
class ClusterStatsSource : public QObject
{
public:
    // A snapshot older than this is a dead (or hung) instance's.
    static constexpr int FreshMs = 4000;

    // Any of `redis` and `lag` may be null; all must outlive this object.
    ClusterStatsSource(RedisConnection *redis, StatsStore &stats, ScalingStore &scaling, const kafka::GroupLag *lag,
                       QObject *parent = nullptr);

    void collect(std::function<void(ClusterView)> done);

private:
    RedisConnection *m_redis;
    StatsStore &m_stats;
    ScalingStore &m_scaling;
    const kafka::GroupLag *m_lag;
};

} // namespace wf
