#pragma once

#include "kafkasettings.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace wf::kafka {

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

private:
    void run();

    KafkaSettings m_settings;
    QString m_groupId;
    QString m_topic;
    int m_intervalMs;
    std::atomic<qint64> m_lag{-1};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace wf::kafka
