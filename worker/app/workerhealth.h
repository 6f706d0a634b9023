#pragma once

#include "core/result.h"

#include <QObject>

#include <functional>

namespace wf {

class RunCoordinator;
namespace db {
class Database;
}
namespace kafka {
class KafkaConsumer;
}
namespace http {
class ApiServer;
}

namespace app {

// The worker's own small HTTP endpoint (for the supervisor, Kubernetes probes and the console):
// GET /health (the event loop runs), GET /health/ready (member of the consumer group and the
// database answers; 503 otherwise), GET /stats (counters as JSON), GET /metrics (Prometheus).
class WorkerHealth : public QObject
{
public:
    // The worker group's lag on workflow.trigger; nullopt when unknown.
    using Lag = std::function<std::optional<qint64>()>;

    WorkerHealth(db::Database &database, kafka::KafkaConsumer &consumer, RunCoordinator &coordinator,
                 QByteArray instanceId, Lag lag, QObject *parent = nullptr);

    Status listen(const QString &host, int port);

private:
    QJsonObject stats() const;

    db::Database &m_database;
    kafka::KafkaConsumer &m_consumer;
    RunCoordinator &m_coordinator;
    Lag m_lag;
    http::ApiServer *m_server = nullptr;
};

} // namespace app
} // namespace wf
