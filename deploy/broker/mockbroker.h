#pragma once

#include "core/result.h"

#include <QString>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <memory>

namespace wf::broker {

// The embedded development Kafka: librdkafka's mock cluster (the real Kafka wire protocol on
// loopback) with the platform's topics created. Messages live in memory only; the platform does
// not rely on them surviving a restart (the outbox and the sweeper re-publish what matters).
class MockBroker
{
public:
    struct Options
    {
        int port = 0;           // 0 = any free port
        int triggerPartitions = 3;
    };

    explicit MockBroker(Options options);
    ~MockBroker();

    Status start();
    // "127.0.0.1:port", what clients use as bootstrap.servers.
    QString bootstraps() const;

private:
    struct HandleDeleter
    {
        void operator()(rd_kafka_t *handle) const { rd_kafka_destroy(handle); }
    };
    struct ClusterDeleter
    {
        void operator()(rd_kafka_mock_cluster_t *cluster) const { rd_kafka_mock_cluster_destroy(cluster); }
    };

    Options m_options;
    std::unique_ptr<rd_kafka_t, HandleDeleter> m_handle;                // declared first: destroyed last
    std::unique_ptr<rd_kafka_mock_cluster_t, ClusterDeleter> m_cluster;
};

} // namespace wf::broker
