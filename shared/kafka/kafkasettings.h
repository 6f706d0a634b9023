#pragma once

#include "kafkahandles.h"

#include "core/result.h"

#include <QList>
#include <QPair>
#include <QString>

namespace wf {
struct Settings;
}

namespace wf::kafka {

// The topics of the platform.
namespace topics {
inline constexpr char kTrigger[] = "workflow.trigger";
inline constexpr char kCompleted[] = "workflow.completed";
inline constexpr char kDeadLetter[] = "workflow.dlq";
} // namespace topics

inline constexpr char kWorkerGroup[] = "workflow-workers";

// Connection settings shared by producers and consumers; extra librdkafka properties may be given
// as "name=value" pairs (WF_KAFKA_PROPERTIES="socket.keepalive.enable=true;…").
struct KafkaSettings
{
    // From the process settings: WF_KAFKA_BROKERS, WF_KAFKA_PROPERTIES, the instance id as client id.
    static KafkaSettings from(const Settings &settings);

    QString brokers;
    QString clientId;
    QList<QPair<QString, QString>> properties;

    static QList<QPair<QString, QString>> parseProperties(const QString &text);
    // A configuration with brokers, client id and the extra properties applied, then `more`.
    Result<KafkaConf> makeConf(const QList<QPair<QString, QString>> &more) const;
};

} // namespace wf::kafka
