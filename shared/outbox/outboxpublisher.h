#pragma once

#include "outboxmessage.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <atomic>
#include <functional>

class QTimer;

namespace wf {

namespace db {
class Database;
}
namespace kafka {
class KafkaProducer;
}

// Publishes outbox rows to Kafka (key = the row's key, headers from the row) and deletes those the
// broker acknowledged, many per statement. publish() may be called from any thread; the publisher
// lives on the producer's thread. A row whose publish fails stays for the relay.
class OutboxPublisher : public QObject
{
public:
    OutboxPublisher(kafka::KafkaProducer &producer, db::Database &database, QObject *parent = nullptr);

    void publish(const OutboxMessage &message);
    void publish(const QList<OutboxMessage> &messages);

    // Told of every message of `topic` the broker stored (on this object's thread): its key,
    // traceparent header, partition and offset. Set before the first publish.
    using Published = std::function<void(const QByteArray &key, const QByteArray &traceparent, int partition, qint64 offset)>;
    void observe(QByteArray topic, Published published);

    qint64 published() const { return m_published.load(); }
    qint64 failed() const { return m_failed.load(); }

private:
    void flushSent();

    kafka::KafkaProducer &m_producer;
    db::Database &m_database;
    QTimer *m_flushTimer = nullptr;
    QByteArray m_observedTopic;
    Published m_observer;
    QMutex m_mutex;
    QList<qint64> m_sent;
    std::atomic<qint64> m_published{0};
    std::atomic<qint64> m_failed{0};
};

} // namespace wf
