#pragma once

#include "kafkahandles.h"
#include "kafkasettings.h"

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QReadWriteLock>

#include <atomic>
#include <functional>
#include <memory>

namespace wf::kafka {

class QueueWaker;

// An idempotent producer (acks=all) driven by the Qt event loop of the thread that owns it.
// produce() may be called from any thread; delivery callbacks run on the owner's thread. After a
// fatal error (e.g. a broker that restarted and forgot the producer id) the handle is rebuilt;
// messages in flight then fail their callbacks and the outbox publishes them again.
class KafkaProducer : public QObject
{
    Q_OBJECT

public:
    struct Message
    {
        QByteArray topic;
        QByteArray key;
        QByteArray value;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    // What the broker said about one message: stored (all in-sync replicas) at partition and
    // offset, or why not.
    struct Delivery
    {
        QString error; // empty = stored
        int partition = -1;
        qint64 offset = -1;
        bool ok() const { return error.isEmpty(); }
    };
    using Delivered = std::function<void(const Delivery &delivery)>;

    explicit KafkaProducer(KafkaSettings settings, QObject *parent = nullptr);
    ~KafkaProducer() override;

    Status start();
    void produce(const Message &message, Delivered delivered);
    // Waits up to `ms` for outstanding deliveries (shutdown).
    void flush(int ms);

    // From librdkafka's statistics: whether any broker connection is up.
    bool connected() const { return m_connected.load(); }
    int outstanding() const { return m_outstanding.load(); }

Q_SIGNALS:
    void connectionChanged(bool connected);

private:
    static void onDelivery(rd_kafka_t *, const rd_kafka_message_t *message, void *opaque);
    static int onStatistics(rd_kafka_t *, char *json, size_t length, void *opaque);
    static void onError(rd_kafka_t *, int error, const char *reason, void *opaque);
    Status createHandle();
    void poll();
    void rebuild();

    KafkaSettings m_settings;
    // produce() readers vs. rebuild(); recursive because delivery callbacks may produce again.
    mutable QReadWriteLock m_lock{QReadWriteLock::Recursive};
    KafkaHandle m_handle;
    KafkaQueue m_queue;
    QueueWaker *m_waker = nullptr;
    std::atomic<bool> m_connected{false};
    std::atomic<bool> m_fatal{false};
    std::atomic<int> m_outstanding{0};
};

} // namespace wf::kafka
