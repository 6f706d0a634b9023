#pragma once

#include "core/result.h"

#include <QObject>

#include <memory>

namespace wf {

class OutboxPublisher;
class OutboxRelay;
namespace db {
class Database;
}
namespace kafka {
class KafkaProducer;
struct KafkaSettings;
}

// What every process that writes outbox rows runs, on the thread that creates it: the Kafka
// producer, the publisher (publish after commit, delete what the broker acknowledged) and the relay
// (publish what was not).
class OutboxPipeline
{
public:
    static Result<std::unique_ptr<OutboxPipeline>> start(const kafka::KafkaSettings &settings, db::Database &database);
    ~OutboxPipeline();

    kafka::KafkaProducer &producer() { return *m_producer; }
    OutboxPublisher &publisher() { return *m_publisher; }
    // Waits up to `ms` for messages in flight (shutdown), then stops the relay.
    void stop(int ms);

private:
    OutboxPipeline() = default;

    std::unique_ptr<kafka::KafkaProducer> m_producer;
    std::unique_ptr<OutboxPublisher> m_publisher;
    std::unique_ptr<OutboxRelay> m_relay;
};

} // namespace wf
