#include "outboxpublisher.h"

#include "db/database.h"
#include "db/dbconnection.h"
#include "kafka/kafkaproducer.h"
#include "metrics/metrics.h"

#include "core/logging.h"

#include <QTimer>

#include <chrono>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

constexpr int kFlushMs = 10;

QByteArray idArray(const QList<qint64> &ids)
{
    QByteArray literal = "{";
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            literal.append(',');
        literal.append(QByteArray::number(ids.at(i)));
    }
    return literal.append('}');
}

} // namespace

OutboxPublisher::OutboxPublisher(kafka::KafkaProducer &producer, db::Database &database, QObject *parent)
    : QObject(parent), m_producer(producer), m_database(database)
{
    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(kFlushMs);
    connect(m_flushTimer, &QTimer::timeout, this, &OutboxPublisher::flushSent);
}

void OutboxPublisher::publish(const QList<OutboxMessage> &messages)
{
    for (const OutboxMessage &message : messages)
        publish(message);
}

void OutboxPublisher::publish(const OutboxMessage &message)
{
    kafka::KafkaProducer::Message out;
    out.topic = message.topic;
    out.key = message.key;
    out.value = message.payload;
    for (auto it = message.headers.begin(); it != message.headers.end(); ++it)
        out.headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
    const qint64 id = message.id;
    const bool observed = m_observer && message.topic == m_observedTopic;
    QByteArray key = observed ? message.key : QByteArray();
    QByteArray traceparent = observed ? message.headers.value(u"traceparent"_s).toString().toUtf8() : QByteArray();
    // The callback runs on this object's thread (the producer's).
    const auto sentAt = std::chrono::steady_clock::now();
    m_producer.produce(out, [this, id, observed, sentAt, key = std::move(key), traceparent = std::move(traceparent)](
                                    const kafka::KafkaProducer::Delivery &delivery) {
        if (!delivery.ok()) {
            ++m_failed;
            qCDebug(lcOutbox) << "outbox row" << id << "not published:" << delivery.error;
            return;
        }
        ++m_published;
        Metrics::instance().outboxPublished(std::chrono::duration<double>(std::chrono::steady_clock::now() - sentAt).count());
        if (observed)
            m_observer(key, traceparent, delivery.partition, delivery.offset);
        QMutexLocker lock(&m_mutex);
        m_sent.append(id);
        if (!m_flushTimer->isActive())
            QMetaObject::invokeMethod(m_flushTimer, qOverload<>(&QTimer::start), Qt::AutoConnection);
    });
}

void OutboxPublisher::observe(QByteArray topic, Published published)
{
    m_observedTopic = std::move(topic);
    m_observer = std::move(published);
}

void OutboxPublisher::flushSent()
{
    QList<qint64> ids;
    {
        QMutexLocker lock(&m_mutex);
        ids.swap(m_sent);
    }
    if (ids.isEmpty())
        return;
    m_database.write(
            this,
            [literal = idArray(ids)](db::DbConnection &connection) {
                // A sent row is deleted: cheaper than an update (no new row version, no index
                // entries), and nothing reads sent rows. Locked in id order, so that a relay
                // publishing an overlapping set cannot deadlock with this.
                return connection
                        .exec("DELETE FROM outbox WHERE id IN"
                              " (SELECT id FROM outbox WHERE id = ANY($1::int8[]) ORDER BY id FOR UPDATE)",
                              {literal})
                        .affected();
            },
            [count = ids.size()](const Result<qint64> &result) {
                // A failed mark only means the relay publishes these again (duplicates are harmless).
                if (!result.ok())
                    qCInfo(lcOutbox) << "could not mark" << count << "outbox rows sent:" << result.error().detail();
            });
}

} // namespace wf
