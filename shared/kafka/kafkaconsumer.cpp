#include "kafkaconsumer.h"

#include "metrics/metrics.h"

#include "queuewaker.h"

#include "core/logging.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace wf::kafka {

KafkaConsumer::KafkaConsumer(KafkaSettings settings, Options options, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_options(std::move(options))
{
}

KafkaConsumer::~KafkaConsumer()
{
    close();
    while (m_handle && !serveClose(50)) {
    }
    finishClose();
}

Status KafkaConsumer::start()
{
    auto conf = m_settings.makeConf({
            {u"group.id"_s, m_options.groupId},
            {u"enable.auto.commit"_s, u"false"_s},
            {u"enable.auto.offset.store"_s, u"false"_s},
            {u"auto.offset.reset"_s, u"earliest"_s},
            {u"session.timeout.ms"_s, QString::number(m_options.sessionTimeoutMs)},
            {u"heartbeat.interval.ms"_s, QString::number(qMax(100, m_options.sessionTimeoutMs / 5))},
            {u"fetch.wait.max.ms"_s, u"10"_s},
            {u"socket.nagle.disable"_s, u"true"_s},
            {u"reconnect.backoff.max.ms"_s, u"1000"_s},
            {u"topic.metadata.refresh.interval.ms"_s, u"10000"_s},
    });
    if (!conf)
        return conf.error();
    rd_kafka_conf_set_opaque(conf->get(), this);
    rd_kafka_conf_set_rebalance_cb(conf->get(), &KafkaConsumer::onRebalance);
    rd_kafka_conf_set_error_cb(conf->get(), &KafkaConsumer::onError);
    rd_kafka_conf_set_offset_commit_cb(conf->get(), &KafkaConsumer::onCommitted);
    char error[512];
    rd_kafka_t *handle = rd_kafka_new(RD_KAFKA_CONSUMER, conf->get(), error, sizeof error);
    if (!handle)
        return Error::unavailable(u"cannot create a Kafka consumer: "_s + QString::fromUtf8(error));
    conf.value().release();
    m_handle.reset(handle);
    // Serve rebalances, errors and messages from one queue, polled here.
    rd_kafka_poll_set_consumer(handle);
    m_queue.reset(rd_kafka_queue_get_consumer(handle));

    KafkaPartitionList topics(rd_kafka_topic_partition_list_new(int(m_options.topics.size())));
    for (const QString &topic : std::as_const(m_options.topics))
        rd_kafka_topic_partition_list_add(topics.get(), topic.toUtf8().constData(), RD_KAFKA_PARTITION_UA);
    const rd_kafka_resp_err_t subscribed = rd_kafka_subscribe(handle, topics.get());
    if (subscribed != RD_KAFKA_RESP_ERR_NO_ERROR)
        return Error::unavailable(u"cannot subscribe: "_s + QString::fromUtf8(rd_kafka_err2str(subscribed)));

    m_waker = new QueueWaker(m_queue.get(), 100, this);
    connect(m_waker, &QueueWaker::wake, this, &KafkaConsumer::poll);
    m_commitTimer = new QTimer(this);
    connect(m_commitTimer, &QTimer::timeout, this, &KafkaConsumer::commit);
    m_commitTimer->start(100);
    return Done{};
}

void KafkaConsumer::close()
{
    if (!m_handle || m_closed)
        return;
    m_closed = true;
    if (m_commitTimer)
        m_commitTimer->stop();
    commit();
    delete m_waker;
    m_waker = nullptr;
    m_joined = false;
    // Leaves the group in librdkafka's background; the rebalance callback revokes the partitions
    // when the close queue is served.
    m_closing.start(); // the bound runs from here, whatever happens below
    m_closeQueue.reset(rd_kafka_queue_new(m_handle.get()));
    if (rd_kafka_error_t *error = rd_kafka_consumer_close_queue(m_handle.get(), m_closeQueue.get())) {
        qCWarning(lcKafka) << "closing the consumer:" << rd_kafka_error_string(error);
        rd_kafka_error_destroy(error);
        m_closeQueue.reset(); // nothing to serve: serveClose() reports closed
        QMetaObject::invokeMethod(this, &KafkaConsumer::finishClose, Qt::QueuedConnection);
        return;
    }
    m_closeTimer = new QTimer(this);
    connect(m_closeTimer, &QTimer::timeout, this, [this] {
        if (serveClose(0))
            finishClose();
    });
    m_closeTimer->start(20);
}

bool KafkaConsumer::serveClose(int waitMs)
{
    if (!m_handle || !m_closeQueue)
        return true;
    // Events, not callbacks: the close forwards the rebalance of leaving as an event.
    while (rd_kafka_event_t *event = rd_kafka_queue_poll(m_closeQueue.get(), waitMs)) {
        if (rd_kafka_event_type(event) == RD_KAFKA_EVENT_REBALANCE)
            onRebalance(m_handle.get(), rd_kafka_event_error(event), rd_kafka_event_topic_partition_list(event), this);
        rd_kafka_event_destroy(event);
        waitMs = 0;
    }
    if (rd_kafka_consumer_closed(m_handle.get()))
        return true;
    if (m_closing.isValid() && m_closing.elapsed() >= m_options.closeTimeoutMs) {
        qCWarning(lcKafka) << "the consumer did not leave its group within" << m_options.closeTimeoutMs
                           << "ms (broker unreachable?); closing without it";
        return true;
    }
    return false;
}

void KafkaConsumer::finishClose()
{
    if (m_closeTimer) {
        m_closeTimer->stop();
        m_closeTimer->deleteLater();
        m_closeTimer = nullptr;
    }
    if (!m_handle)
        return;
    m_closeQueue.reset();
    m_queue.reset();
    // The close above already left the group, or gave up on it: destroying must not try again.
    rd_kafka_destroy_flags(m_handle.release(), RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
    Q_EMIT closed();
}

void KafkaConsumer::done(const KafkaMessage &message)
{
    m_tracker.done(message.topic, message.partition, message.offset, message.generation);
}

void KafkaConsumer::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    applyPause();
}

void KafkaConsumer::applyPause()
{
    if (!m_handle)
        return;
    rd_kafka_topic_partition_list_t *assignment = nullptr;
    if (rd_kafka_assignment(m_handle.get(), &assignment) != RD_KAFKA_RESP_ERR_NO_ERROR || !assignment)
        return;
    KafkaPartitionList owned(assignment);
    if (m_paused)
        rd_kafka_pause_partitions(m_handle.get(), owned.get());
    else
        rd_kafka_resume_partitions(m_handle.get(), owned.get());
}

void KafkaConsumer::poll()
{
    if (!m_handle || m_closed)
        return;
    for (int i = 0; i < m_options.maxBatch; ++i) {
        KafkaMessagePtr raw(rd_kafka_consumer_poll(m_handle.get(), 0));
        if (!raw)
            return;
        if (raw->err == RD_KAFKA_RESP_ERR__PARTITION_EOF)
            continue;
        if (raw->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            qCInfo(lcKafka) << "consumer:" << rd_kafka_message_errstr(raw.get());
            continue;
        }
        KafkaMessage message;
        message.topic = rd_kafka_topic_name(raw->rkt);
        message.partition = raw->partition;
        message.offset = raw->offset;
        if (raw->key)
            message.key = QByteArray(static_cast<const char *>(raw->key), qsizetype(raw->key_len));
        if (raw->payload)
            message.value = QByteArray(static_cast<const char *>(raw->payload), qsizetype(raw->len));
        rd_kafka_headers_t *headers = nullptr;
        if (rd_kafka_message_headers(raw.get(), &headers) == RD_KAFKA_RESP_ERR_NO_ERROR && headers) {
            const char *name = nullptr;
            const void *value = nullptr;
            size_t size = 0;
            for (size_t h = 0; rd_kafka_header_get_all(headers, h, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR; ++h)
                message.headers.append({QByteArray(name), QByteArray(static_cast<const char *>(value), qsizetype(size))});
        }
        message.generation = m_tracker.generation(message.topic, message.partition);
        m_tracker.started(message.topic, message.partition, message.offset, message.generation);
        Metrics::instance().kafkaConsumed(rd_kafka_topic_name(raw->rkt));
        Q_EMIT received(message);
    }
    // More may be waiting: continue after other events had their turn.
    QTimer::singleShot(0, this, &KafkaConsumer::poll);
}

void KafkaConsumer::commit()
{
    if (!m_handle)
        return;
    const QList<OffsetTracker::Position> positions = m_tracker.takeCommittable();
    if (positions.isEmpty())
        return;
    KafkaPartitionList offsets(rd_kafka_topic_partition_list_new(int(positions.size())));
    for (const auto &position : positions)
        rd_kafka_topic_partition_list_add(offsets.get(), position.topic.constData(), position.partition)->offset = position.offset;
    const rd_kafka_resp_err_t error = rd_kafka_commit(m_handle.get(), offsets.get(), 1);
    if (error != RD_KAFKA_RESP_ERR_NO_ERROR && error != RD_KAFKA_RESP_ERR__NO_OFFSET)
        qCInfo(lcKafka) << "commit failed:" << rd_kafka_err2str(error);
}

void KafkaConsumer::onRebalance(rd_kafka_t *handle, rd_kafka_resp_err_t error, rd_kafka_topic_partition_list_t *partitions,
                                void *opaque)
{
    auto *self = static_cast<KafkaConsumer *>(opaque);
    if (error == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        for (int i = 0; i < partitions->cnt; ++i)
            self->m_tracker.assign(partitions->elems[i].topic, partitions->elems[i].partition);
        rd_kafka_assign(handle, partitions);
        self->m_assigned = partitions->cnt;
        self->m_joined = true;
        // librdkafka keeps a partition's pause across a revoke and a re-assignment: one paused
        // here before a rebalance comes back paused even when this consumer has resumed since
        // (it had nothing assigned to resume then), and would never be fetched again.
        if (self->m_paused)
            rd_kafka_pause_partitions(handle, partitions);
        else
            rd_kafka_resume_partitions(handle, partitions);
        qCInfo(lcKafka) << "assigned" << partitions->cnt << "partition(s)";
    } else {
        // Commit what is finished before the partitions go to another member.
        self->commit();
        for (int i = 0; i < partitions->cnt; ++i)
            self->m_tracker.revoke(partitions->elems[i].topic, partitions->elems[i].partition);
        rd_kafka_assign(handle, nullptr);
        self->m_assigned = 0;
        qCInfo(lcKafka) << "revoked" << partitions->cnt << "partition(s)";
    }
    Q_EMIT self->assignmentChanged(self->m_assigned);
}

void KafkaConsumer::onCommitted(rd_kafka_t *, rd_kafka_resp_err_t error, rd_kafka_topic_partition_list_t *offsets, void *opaque)
{
    auto *self = static_cast<KafkaConsumer *>(opaque);
    for (int i = 0; offsets && i < offsets->cnt; ++i) {
        const rd_kafka_topic_partition_t &partition = offsets->elems[i];
        if (error == RD_KAFKA_RESP_ERR_NO_ERROR && partition.err == RD_KAFKA_RESP_ERR_NO_ERROR)
            continue;
        // Offered again on the next commit round rather than lost until the partition moves.
        self->m_tracker.commitFailed(partition.topic, partition.partition);
        qCInfo(lcKafka) << "commit of" << partition.topic << partition.partition << "failed:"
                        << rd_kafka_err2str(error != RD_KAFKA_RESP_ERR_NO_ERROR ? error : partition.err);
    }
}

void KafkaConsumer::onError(rd_kafka_t *, int error, const char *reason, void *opaque)
{
    Q_UNUSED(opaque);
    Metrics::instance().kafkaError("consumer");
    qCInfo(lcKafka) << "consumer:" << rd_kafka_err2str(rd_kafka_resp_err_t(error)) << reason;
}

} // namespace wf::kafka
