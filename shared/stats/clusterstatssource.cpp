#include "clusterstatssource.h"

#include "snapshotpublisher.h"

#include "cache/redisconnection.h"
#include "core/json.h"
#include "kafka/grouplag.h"
#include "kafka/kafkasettings.h"
#include "store/scalingstore.h"
#include "store/statsstore.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>

#include <memory>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

// Entries this old belong to instances that are gone for good, not merely late.
constexpr qint64 kForgetMs = 60000;

// Keeps the newest snapshot per instance id, fresh ones only; answers the snapshot's time (0
// when it is unreadable).
qint64 keep(QHash<QString, InstanceSnapshot> &instances, const QByteArray &json, qint64 nowMs)
{
    const auto parsed = json::parse(json);
    if (!parsed || !parsed->isObject())
        return 0;
    auto snapshot = InstanceSnapshot::fromJson(parsed->toObject());
    if (!snapshot)
        return 0;
    if (snapshot->atMs < nowMs - ClusterStatsSource::FreshMs)
        return snapshot->atMs;
    auto existing = instances.find(snapshot->id);
    if (existing == instances.end() || existing->atMs < snapshot->atMs)
        instances.insert(snapshot->id, *snapshot);
    return snapshot->atMs;
}

} // namespace

ClusterStatsSource::ClusterStatsSource(RedisConnection *redis, StatsStore &stats, ScalingStore &scaling,
                                       const kafka::GroupLag *lag, QObject *parent)
    : QObject(parent), m_redis(redis), m_stats(stats), m_scaling(scaling), m_lag(lag)
{
}

void ClusterStatsSource::collect(std::function<void(ClusterView)> done)
{
    struct Gathering
    {
        int open = 3;
        ClusterInputs inputs;
        QHash<QString, InstanceSnapshot> instances;
        bool fromRedis = false;
        bool fromPostgres = false;
        std::function<void(ClusterView)> done;
    };
    auto gathering = std::make_shared<Gathering>();
    gathering->done = std::move(done);
    ClusterInputs &inputs = gathering->inputs;
    inputs.nowMs = QDateTime::currentMSecsSinceEpoch();
    inputs.lagGroup = m_lag ? m_lag->groupId() : QString::fromLatin1(kafka::kWorkerGroup);
    inputs.lagTopic = m_lag ? m_lag->topic() : QString::fromLatin1(kafka::topics::kTrigger);
    if (m_lag)
        inputs.lag = m_lag->reading();
    if (!inputs.lag)
        inputs.unavailable.append(u"kafka"_s);

    auto finish = [gathering] {
        if (--gathering->open > 0)
            return;
        ClusterInputs &inputs = gathering->inputs;
        inputs.instances = gathering->instances.values();
        std::sort(inputs.instances.begin(), inputs.instances.end(), [](const InstanceSnapshot &a, const InstanceSnapshot &b) {
            return a.component != b.component ? a.component < b.component : a.id < b.id;
        });
        QStringList from;
        if (gathering->fromRedis)
            from.append(u"redis"_s);
        if (gathering->fromPostgres)
            from.append(u"postgres"_s);
        inputs.instancesFrom = from.join(u'+');
        gathering->done(ClusterView(std::move(inputs)));
    };

    if (m_redis && m_redis->available()) {
        QPointer<ClusterStatsSource> self(this);
        m_redis->command({"HGETALL", SnapshotPublisher::RedisKey}, [self, gathering, finish](const Result<RedisReply> &reply) {
            if (!reply || reply->isError()) {
                gathering->inputs.unavailable.append(u"redis"_s);
            } else {
                gathering->fromRedis = true;
                const QList<RedisReply> &fields = reply->elements();
                QList<QByteArray> forget{"HDEL", SnapshotPublisher::RedisKey};
                const qint64 now = gathering->inputs.nowMs;
                for (qsizetype i = 0; i + 1 < fields.size(); i += 2) {
                    if (keep(gathering->instances, fields.at(i + 1).bytes(), now) < now - kForgetMs)
                        forget.append(fields.at(i).bytes());
                }
                if (self && self->m_redis && forget.size() > 2)
                    self->m_redis->command(forget, [](const Result<RedisReply> &) {});
            }
            finish();
        });
    } else {
        if (m_redis)
            inputs.unavailable.append(u"redis"_s);
        --gathering->open;
    }

    m_stats.figures(this, FreshMs, [gathering, finish](const Result<ClusterFigures> &figures) {
        if (figures) {
            gathering->fromPostgres = !figures->snapshots.isEmpty();
            for (const QByteArray &json : figures->snapshots)
                keep(gathering->instances, json, gathering->inputs.nowMs);
            gathering->inputs.figures = *figures;
        } else if (!gathering->inputs.unavailable.contains(u"postgres"_s)) {
            gathering->inputs.unavailable.append(u"postgres"_s);
        }
        finish();
    });
    m_scaling.list(this, [gathering, finish](const Result<QList<ScalingTarget>> &targets) {
        if (targets)
            gathering->inputs.scaling = *targets;
        else if (!gathering->inputs.unavailable.contains(u"postgres"_s))
            gathering->inputs.unavailable.append(u"postgres"_s);
        finish();
    });
}

} // namespace wf
