#include "grouplag.h"

#include "kafkahandles.h"

#include "metrics/metrics.h"

#include "core/logging.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wf::kafka {

namespace {

constexpr int kBrokerTimeoutMs = 1000;

// The lag now, or nullopt when the broker did not answer.
std::optional<LagReading> measure(rd_kafka_t *handle, const QByteArray &topic)
{
    const rd_kafka_metadata_t *metadata = nullptr;
    std::unique_ptr<rd_kafka_topic_t, void (*)(rd_kafka_topic_t *)> handleTopic(
            rd_kafka_topic_new(handle, topic.constData(), nullptr), rd_kafka_topic_destroy);
    if (rd_kafka_metadata(handle, 0, handleTopic.get(), &metadata, kBrokerTimeoutMs) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return std::nullopt;
    KafkaPartitionList partitions(rd_kafka_topic_partition_list_new(8));
    for (int t = 0; t < metadata->topic_cnt; ++t) {
        const rd_kafka_metadata_topic_t &entry = metadata->topics[t];
        if (entry.err != RD_KAFKA_RESP_ERR_NO_ERROR || topic != entry.topic)
            continue;
        for (int p = 0; p < entry.partition_cnt; ++p)
            rd_kafka_topic_partition_list_add(partitions.get(), entry.topic, entry.partitions[p].id);
    }
    rd_kafka_metadata_destroy(metadata);
    if (partitions->cnt == 0)
        return std::nullopt;
    if (rd_kafka_committed(handle, partitions.get(), kBrokerTimeoutMs) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return std::nullopt;
    LagReading reading;
    for (int i = 0; i < partitions->cnt; ++i) {
        const rd_kafka_topic_partition_t &partition = partitions->elems[i];
        int64_t low = 0;
        int64_t high = 0;
        if (rd_kafka_query_watermark_offsets(handle, partition.topic, partition.partition, &low, &high, kBrokerTimeoutMs)
            != RD_KAFKA_RESP_ERR_NO_ERROR)
            return std::nullopt;
        // No committed offset yet: everything still in the partition is behind.
        const int64_t committed = partition.offset >= 0 ? partition.offset : low;
        PartitionLag entry;
        entry.partition = partition.partition;
        entry.committed = partition.offset >= 0 ? partition.offset : -1;
        entry.highWatermark = high;
        entry.lag = qMax<int64_t>(0, high - qMax(committed, low));
        reading.total += entry.lag;
        reading.partitions.append(entry);
    }
    std::sort(reading.partitions.begin(), reading.partitions.end(),
              [](const PartitionLag &a, const PartitionLag &b) { return a.partition < b.partition; });
    reading.measuredAtMs = QDateTime::currentMSecsSinceEpoch();
    return reading;
}

} // namespace

GroupLag::GroupLag(KafkaSettings settings, QString groupId, QString topic, int intervalMs)
    : m_settings(std::move(settings)), m_groupId(std::move(groupId)), m_topic(std::move(topic)), m_intervalMs(intervalMs)
{
}

GroupLag::~GroupLag()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join(); // at most one broker call (kBrokerTimeoutMs) away
}

void GroupLag::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
}

std::optional<qint64> GroupLag::lag() const
{
    const qint64 lag = m_lag.load();
    return lag >= 0 ? std::optional<qint64>(lag) : std::nullopt;
}

std::optional<LagReading> GroupLag::reading() const
{
    std::lock_guard guard(m_mutex);
    return m_reading;
}

void GroupLag::run()
{
    auto conf = m_settings.makeConf({{u"group.id"_s, m_groupId}, {u"enable.auto.commit"_s, u"false"_s}});
    if (!conf) {
        qCWarning(lcKafka) << "group lag:" << conf.error().detail();
        return;
    }
    char error[512];
    KafkaHandle handle(rd_kafka_new(RD_KAFKA_CONSUMER, conf->get(), error, sizeof error));
    if (!handle) {
        qCWarning(lcKafka) << "group lag: cannot create a Kafka handle:" << error;
        return;
    }
    conf.value().release();
    const QByteArray topic = m_topic.toUtf8();
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        lock.unlock();
        std::optional<LagReading> reading = measure(handle.get(), topic);
        m_lag.store(reading ? reading->total : -1);
        if (reading && m_topic == QLatin1String(topics::kTrigger)) {
            Metrics::instance().setConsumerLag(reading->total);
            for (const PartitionLag &partition : reading->partitions)
                Metrics::instance().setPartitionLag(partition.partition, partition.lag);
        }
        {
            std::lock_guard guard(m_mutex);
            m_reading = std::move(reading);
        }
        lock.lock();
        m_wake.wait_for(lock, std::chrono::milliseconds(m_intervalMs), [this] { return m_stop; });
    }
    lock.unlock();
    // Never joined a group: nothing to leave.
    rd_kafka_t *raw = handle.release();
    rd_kafka_destroy_flags(raw, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
}

} // namespace wf::kafka
