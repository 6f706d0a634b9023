#pragma once

#include "kafkahandles.h"
#include "kafkamessage.h"
#include "kafkasettings.h"
#include "offsettracker.h"

#include "core/result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

class QTimer;

namespace wf::kafka {

class QueueWaker;

// A member of a consumer group, driven by the Qt event loop of the thread that owns it. Offsets
// are never committed automatically: the application calls done() once a message's effect is
// durable, and the consumer commits, per partition, the offset below which everything is done.
class KafkaConsumer : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString groupId;
        QStringList topics;
        int sessionTimeoutMs = 10000;
        int maxBatch = 500; // messages handled per wake-up before yielding to the event loop
        int closeTimeoutMs = 5000; // longest a close waits for the group to be left
    };

    KafkaConsumer(KafkaSettings settings, Options options, QObject *parent = nullptr);
    ~KafkaConsumer() override;

    Status start();
    // Commits what is done and leaves the group (its partitions move at once), without blocking:
    // the leaving is served from the event loop, and given up after closeTimeoutMs (a broker
    // that cannot be reached must not hold the worker's timers and lease renewals). closed()
    // follows. The destructor finishes a close still under way, within the same bound.
    void close();
    bool isClosed() const { return m_closed && !m_handle; }

    void done(const KafkaMessage &message);
    // Stops/continues fetching (back-pressure); assigned partitions are kept.
    void setPaused(bool paused);
    bool paused() const { return m_paused; }
    int inFlight() const { return m_tracker.inFlight(); }
    int assignedPartitions() const { return m_assigned; }
    // True once the group gave this member its first assignment (possibly empty).
    bool joined() const { return m_joined; }

Q_SIGNALS:
    void received(const wf::kafka::KafkaMessage &message);
    void assignmentChanged(int partitions);
    void closed();

private:
    static void onRebalance(rd_kafka_t *, rd_kafka_resp_err_t error, rd_kafka_topic_partition_list_t *partitions, void *opaque);
    static void onError(rd_kafka_t *, int error, const char *reason, void *opaque);
    static void onCommitted(rd_kafka_t *, rd_kafka_resp_err_t error, rd_kafka_topic_partition_list_t *offsets, void *opaque);
    void poll();
    void commit();
    void applyPause();
    // Serves the close queue; true once the consumer is closed or the bound has passed.
    bool serveClose(int waitMs);
    void finishClose();

    KafkaSettings m_settings;
    Options m_options;
    KafkaHandle m_handle;
    KafkaQueue m_queue;
    QueueWaker *m_waker = nullptr;
    QTimer *m_commitTimer = nullptr;
    KafkaQueue m_closeQueue;
    QTimer *m_closeTimer = nullptr;
    QElapsedTimer m_closing;
    OffsetTracker m_tracker;
    bool m_paused = false;
    bool m_closed = false;
    int m_assigned = 0;
    bool m_joined = false;
};

} // namespace wf::kafka
