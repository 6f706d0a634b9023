#include "outboxpipeline.h"

#include "outboxpublisher.h"
#include "outboxrelay.h"

#include "kafka/kafkaproducer.h"

namespace wf {

Result<std::unique_ptr<OutboxPipeline>> OutboxPipeline::start(const kafka::KafkaSettings &settings, db::Database &database)
{
    std::unique_ptr<OutboxPipeline> pipeline(new OutboxPipeline);
    pipeline->m_producer = std::make_unique<kafka::KafkaProducer>(settings);
    if (auto status = pipeline->m_producer->start(); !status)
        return status.error();
    pipeline->m_publisher = std::make_unique<OutboxPublisher>(*pipeline->m_producer, database);
    pipeline->m_relay = std::make_unique<OutboxRelay>(database, *pipeline->m_publisher, OutboxRelay::Options{});
    pipeline->m_relay->start();
    return pipeline;
}

OutboxPipeline::~OutboxPipeline()
{
    stop(0);
    // The producer goes first: destroying it serves the last delivery callbacks, and those call
    // into the publisher.
    m_producer.reset();
    m_publisher.reset();
}

void OutboxPipeline::stop(int ms)
{
    m_relay.reset();
    if (m_producer && ms > 0)
        m_producer->flush(ms);
}

} // namespace wf
