#pragma once

#include "kafkasettings.h"

#include <QList>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace wf::kafka {

// One partition's position: the group's committed offset (-1: none yet) against the high watermark.
struct PartitionLag
{
    int partition = 0;
    qint64 committed = -1;
    qint64 highWatermark = 0;
    qint64 lag = 0;
};

// One successful measurement of all partitions.
struct LagReading
{
    qint64 total = 0;
    QList<PartitionLag> partitions;
    qint64 measuredAtMs = 0; // since the epoch
};

// How far a consumer group is behind on one topic: the sum over its partitions of the high
// watermark minus the group's committed offset. Measured every `intervalMs` on a thread of its
// own (the broker calls block), with a handle of its own, so nothing waits on the broker in the
// event loop; lag() answers the last measurement, nullopt while none succeeded recently.
class GroupLag
{
public:
    GroupLag(KafkaSettings settings, QString groupId, QString topic, int intervalMs = 2000);
    ~GroupLag();
    GroupLag(const GroupLag &) = delete;
    GroupLag &operator=(const GroupLag &) = delete;

    void start();
    std::optional<qint64> lag() const;
    // The last measurement with its partitions; nullopt while none succeeded recently.
    std::optional<LagReading> reading() const;
    const QString &groupId() const { return m_groupId; }
    const QString &topic() const { return m_topic; }

private:
    void run();

    KafkaSettings m_settings;
    QString m_groupId;
    QString m_topic;
    int m_intervalMs;
    std::atomic<qint64> m_lag{-1};
    mutable std::mutex m_mutex;
    std::optional<LagReading> m_reading; // guarded by m_mutex
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace wf::kafka
