#include "kafkaproducer.h"

#include "metrics/metrics.h"

#include "queuewaker.h"

#include "core/json.h"
#include "core/logging.h"

#include <QJsonObject>
#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace wf::kafka {

KafkaProducer::KafkaProducer(KafkaSettings settings, QObject *parent) : QObject(parent), m_settings(std::move(settings)) { }

KafkaProducer::~KafkaProducer()
{
    QWriteLocker lock(&m_lock);
    delete m_waker;
    m_waker = nullptr;
    if (m_handle) {
        rd_kafka_flush(m_handle.get(), 2000);
        rd_kafka_purge(m_handle.get(), RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
        rd_kafka_poll(m_handle.get(), 0);
    }
    m_queue.reset();
    m_handle.reset();
}

Status KafkaProducer::start()
{
    QWriteLocker lock(&m_lock);
    return createHandle();
}

Status KafkaProducer::createHandle()
{
    auto conf = m_settings.makeConf({
            {u"acks"_s, u"all"_s},
            {u"enable.idempotence"_s, u"true"_s},
            {u"linger.ms"_s, u"1"_s},
            {u"message.timeout.ms"_s, u"30000"_s},
            {u"socket.nagle.disable"_s, u"true"_s},
            {u"statistics.interval.ms"_s, u"1000"_s},
            {u"reconnect.backoff.max.ms"_s, u"1000"_s},
    });
    if (!conf)
        return conf.error();
    rd_kafka_conf_set_opaque(conf->get(), this);
    rd_kafka_conf_set_dr_msg_cb(conf->get(), &KafkaProducer::onDelivery);
    rd_kafka_conf_set_stats_cb(conf->get(), &KafkaProducer::onStatistics);
    rd_kafka_conf_set_error_cb(conf->get(), &KafkaProducer::onError);
    char error[512];
    rd_kafka_t *handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf->get(), error, sizeof error);
    if (!handle)
        return Error::unavailable(u"cannot create a Kafka producer: "_s + QString::fromUtf8(error));
    conf.value().release(); // rd_kafka_new took it
    m_handle.reset(handle);
    m_queue.reset(rd_kafka_queue_get_main(handle));
    m_waker = new QueueWaker(m_queue.get(), 100, this);
    connect(m_waker, &QueueWaker::wake, this, &KafkaProducer::poll);
    m_fatal = false;
    return Done{};
}

void KafkaProducer::produce(const Message &message, Delivered delivered)
{
    QReadLocker lock(&m_lock);
    if (!m_handle) {
        delivered({u"producer not started"_s});
        return;
    }
    rd_kafka_headers_t *headers = rd_kafka_headers_new(size_t(message.headers.size()));
    for (const auto &header : message.headers)
        rd_kafka_header_add(headers, header.first.constData(), header.first.size(), header.second.constData(), header.second.size());
    auto *callback = new Delivered(std::move(delivered));
    ++m_outstanding;
    const rd_kafka_resp_err_t error = rd_kafka_producev(
            m_handle.get(), RD_KAFKA_V_TOPIC(message.topic.constData()),
            RD_KAFKA_V_KEY(message.key.constData(), size_t(message.key.size())),
            RD_KAFKA_V_VALUE(const_cast<char *>(message.value.constData()), size_t(message.value.size())),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_OPAQUE(callback),
            RD_KAFKA_V_END);
    if (error != RD_KAFKA_RESP_ERR_NO_ERROR) {
        // Not queued: headers and callback are still ours.
        rd_kafka_headers_destroy(headers);
        --m_outstanding;
        const QString reason = QString::fromUtf8(rd_kafka_err2str(error));
        (*callback)({reason});
        delete callback;
    }
}

void KafkaProducer::flush(int ms)
{
    QReadLocker lock(&m_lock);
    if (m_handle)
        rd_kafka_flush(m_handle.get(), ms);
}

void KafkaProducer::poll()
{
    {
        QReadLocker lock(&m_lock);
        if (!m_handle)
            return;
        rd_kafka_poll(m_handle.get(), 0);
    }
    if (m_fatal.load())
        rebuild();
}

void KafkaProducer::rebuild()
{
    QWriteLocker lock(&m_lock);
    char reason[512] = {};
    rd_kafka_fatal_error(m_handle.get(), reason, sizeof reason);
    qCWarning(lcKafka) << "producer hit a fatal error, rebuilding it:" << reason;
    delete m_waker;
    m_waker = nullptr;
    // Fail what is queued or in flight (their callbacks run now), then start afresh.
    rd_kafka_purge(m_handle.get(), RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    rd_kafka_poll(m_handle.get(), 0);
    m_queue.reset();
    m_handle.reset();
    if (auto status = createHandle(); !status)
        qCCritical(lcKafka) << "cannot rebuild the producer:" << status.error().detail();
}

void KafkaProducer::onDelivery(rd_kafka_t *, const rd_kafka_message_t *message, void *opaque)
{
    auto *self = static_cast<KafkaProducer *>(opaque);
    --self->m_outstanding;
    std::unique_ptr<Delivered> callback(static_cast<Delivered *>(message->_private));
    if (!callback)
        return;
    Delivery delivery;
    Metrics::instance().kafkaProduced(rd_kafka_topic_name(message->rkt), message->err == RD_KAFKA_RESP_ERR_NO_ERROR);
    if (message->err != RD_KAFKA_RESP_ERR_NO_ERROR)
        delivery.error = QString::fromUtf8(rd_kafka_err2str(message->err));
    delivery.partition = message->partition;
    delivery.offset = message->offset;
    (*callback)(delivery);
}

int KafkaProducer::onStatistics(rd_kafka_t *, char *json, size_t length, void *opaque)
{
    auto *self = static_cast<KafkaProducer *>(opaque);
    const auto stats = wf::json::parse(QByteArray::fromRawData(json, qsizetype(length)));
    bool up = false;
    if (stats) {
        const QJsonObject brokers = stats->toObject().value(u"brokers"_s).toObject();
        for (auto it = brokers.begin(); it != brokers.end(); ++it) {
            if (it.value().toObject().value(u"state"_s).toString() == u"UP"_s)
                up = true;
        }
    }
    if (self->m_connected.exchange(up) != up)
        QMetaObject::invokeMethod(self, [self, up] { Q_EMIT self->connectionChanged(up); }, Qt::QueuedConnection);
    return 0; // librdkafka frees the JSON
}

void KafkaProducer::onError(rd_kafka_t *, int error, const char *reason, void *opaque)
{
    auto *self = static_cast<KafkaProducer *>(opaque);
    Metrics::instance().kafkaError("producer");
    if (error == RD_KAFKA_RESP_ERR__FATAL) {
        self->m_fatal = true;
        return;
    }
    if (error == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
        self->m_connected = false;
    qCInfo(lcKafka) << "producer:" << rd_kafka_err2str(rd_kafka_resp_err_t(error)) << reason;
}

} // namespace wf::kafka
