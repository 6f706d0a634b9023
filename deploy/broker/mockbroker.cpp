#include "mockbroker.h"

#include "fixedport.h"

#include "kafka/kafkasettings.h"

using namespace Qt::StringLiterals;

namespace wf::broker {

MockBroker::MockBroker(Options options) : m_options(options) { }

MockBroker::~MockBroker()
{
    m_cluster.reset();
    m_handle.reset();
}

Status MockBroker::start()
{
    char error[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "log_level", "3", error, sizeof error);
    rd_kafka_t *handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
    if (!handle) {
        rd_kafka_conf_destroy(conf);
        return Error::unavailable(u"cannot create the broker's handle: "_s + QString::fromUtf8(error));
    }
    m_handle.reset(handle);
    if (m_options.port > 0)
        armFixedPort(m_options.port);
    m_cluster.reset(rd_kafka_mock_cluster_new(handle, 1));
    disarmFixedPort();
    if (!m_cluster)
        return Error::unavailable(u"cannot start the mock cluster (port %1 in use?)"_s.arg(m_options.port));
    if (m_options.port > 0 && !bootstraps().endsWith(u':' + QString::number(m_options.port)))
        return Error::unavailable(u"the broker did not get port %1 (got %2)"_s.arg(m_options.port).arg(bootstraps()));
    const struct
    {
        const char *name;
        int partitions;
    } topics[] = {{kafka::topics::kTrigger, m_options.triggerPartitions},
                  {kafka::topics::kCompleted, m_options.triggerPartitions},
                  {kafka::topics::kDeadLetter, 1}};
    for (const auto &topic : topics) {
        const rd_kafka_resp_err_t created = rd_kafka_mock_topic_create(m_cluster.get(), topic.name, topic.partitions, 1);
        if (created != RD_KAFKA_RESP_ERR_NO_ERROR)
            return Error::unavailable(u"cannot create topic %1: %2"_s.arg(QString::fromLatin1(topic.name),
                                                                          QString::fromUtf8(rd_kafka_err2str(created))));
    }
    return Done{};
}

QString MockBroker::bootstraps() const
{
    return m_cluster ? QString::fromUtf8(rd_kafka_mock_cluster_bootstraps(m_cluster.get())) : QString();
}

} // namespace wf::broker
