#pragma once

#include <librdkafka/rdkafka.h>

#include <memory>

namespace wf::kafka {

// Owning pointers for librdkafka's C handles, so that every handle is released exactly once and
// in the right order by construction.
struct KafkaDeleter
{
    void operator()(rd_kafka_t *handle) const { rd_kafka_destroy(handle); }
    void operator()(rd_kafka_conf_t *conf) const { rd_kafka_conf_destroy(conf); }
    void operator()(rd_kafka_queue_t *queue) const { rd_kafka_queue_destroy(queue); }
    void operator()(rd_kafka_topic_partition_list_t *list) const { rd_kafka_topic_partition_list_destroy(list); }
    void operator()(rd_kafka_message_t *message) const { rd_kafka_message_destroy(message); }
    void operator()(rd_kafka_headers_t *headers) const { rd_kafka_headers_destroy(headers); }
};

using KafkaHandle = std::unique_ptr<rd_kafka_t, KafkaDeleter>;
using KafkaConf = std::unique_ptr<rd_kafka_conf_t, KafkaDeleter>;
using KafkaQueue = std::unique_ptr<rd_kafka_queue_t, KafkaDeleter>;
using KafkaPartitionList = std::unique_ptr<rd_kafka_topic_partition_list_t, KafkaDeleter>;
using KafkaMessagePtr = std::unique_ptr<rd_kafka_message_t, KafkaDeleter>;

} // namespace wf::kafka
