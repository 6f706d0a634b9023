#include "snapshotpublisher.h"

#include "cache/redisconnection.h"
#include "metrics/metrics.h"
#include "metrics/processfigures.h"
#include "store/statsstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSysInfo>
#include <QTimer>

#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace wf {

SnapshotPublisher::SnapshotPublisher(QString id, QString component, Probe probe, RedisConnection *redis, StatsStore *store,
                                     QObject *parent)
    : QObject(parent), m_id(std::move(id)), m_component(std::move(component)), m_probe(std::move(probe)), m_redis(redis),
      m_store(store), m_timer(new QTimer(this)), m_startedAtMs(QDateTime::currentMSecsSinceEpoch())
{
    m_timer->setInterval(IntervalMs);
    connect(m_timer, &QTimer::timeout, this, &SnapshotPublisher::publish);
}

void SnapshotPublisher::start()
{
    m_history.record(QDateTime::currentMSecsSinceEpoch(), Metrics::instance().totals());
    m_timer->start();
}

void SnapshotPublisher::publishNow()
{
    if (m_timer->isActive())
        publish();
}

InstanceSnapshot SnapshotPublisher::snapshot()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_history.record(now, Metrics::instance().totals());
    const ProcessFigures process = ProcessFigures::read();
    const Activity activity = m_probe ? m_probe() : Activity{};
    InstanceSnapshot snapshot;
    snapshot.id = m_id;
    snapshot.component = m_component;
    snapshot.host = QSysInfo::machineHostName();
    snapshot.pid = QCoreApplication::applicationPid();
    snapshot.startedAtMs = m_startedAtMs;
    snapshot.atMs = now;
    snapshot.rssBytes = qMax(0.0, process.residentBytes);
    snapshot.openFds = process.openFds;
    snapshot.inFlight = activity.inFlight;
    snapshot.draining = activity.draining;
    for (int seconds : InstanceSnapshot::WindowSeconds)
        snapshot.windows.append(m_history.window(seconds, seconds == 60));
    return snapshot;
}

void SnapshotPublisher::publish()
{
    const QByteArray json = QJsonDocument(snapshot().toJson()).toJson(QJsonDocument::Compact);
    if (!m_redis || !m_redis->available()) {
        publishToDatabase(json);
        return;
    }
    m_redis->command({"HSET", RedisKey, m_id.toUtf8(), json}, [this, json](const Result<RedisReply> &reply) {
        if (!reply || reply->isError())
            publishToDatabase(json);
    });
    // The hash outlives its writers by a minute at most; readers drop stale entries themselves.
    m_redis->command({"PEXPIRE", RedisKey, "60000"}, [](const Result<RedisReply> &) {});
}

void SnapshotPublisher::publishToDatabase(const QByteArray &json)
{
    // One write at a time: a slow database must not pile snapshots up in the pool's queue.
    if (!m_store || m_databaseWriteOpen)
        return;
    m_databaseWriteOpen = true;
    m_store->publish(this, m_id, m_component, json, [this](const Result<Done> &) { m_databaseWriteOpen = false; });
}

void SnapshotPublisher::withdraw(std::function<void()> done)
{
    m_timer->stop();
    struct Open
    {
        int calls = 1;
        std::function<void()> done;
        void settle()
        {
            if (--calls == 0 && done)
                std::exchange(done, nullptr)();
        }
    };
    auto open = std::make_shared<Open>();
    open->done = std::move(done);
    if (m_redis && m_redis->available()) {
        ++open->calls;
        m_redis->command({"HDEL", RedisKey, m_id.toUtf8()}, [open](const Result<RedisReply> &) { open->settle(); });
    }
    if (m_store) {
        ++open->calls;
        m_store->remove(this, m_id, [open](const Result<Done> &) { open->settle(); });
    }
    QTimer::singleShot(500, this, [open] {
        open->calls = 1;
        open->settle();
    });
    open->settle();
}

} // namespace wf
