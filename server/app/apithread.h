#pragma once

#include "api/gatekeeper.h"

#include <QByteArray>
#include <QPointer>
#include <QTcpServer>
#include <QThread>

namespace wf {
class LocalBuckets;
class OutboxPublisher;
namespace auth {
class KeyRing;
}
class StepCatalog;
class ScalingStore;
class TriggerBatcher;
namespace db {
class Database;
}
namespace kafka {
class GroupLag;
class KafkaProducer;
}
}

namespace wf::app {

// What every API thread shares: thread-safe, owned by ServerApp, outliving the threads.
struct ApiServices
{
    db::Database *database = nullptr;
    TriggerBatcher *triggers = nullptr;
    OutboxPublisher *publisher = nullptr; // null when no broker is configured
    const StepCatalog *steps = nullptr;
    ScalingStore *scaling = nullptr;
    auth::KeyRing *keys = nullptr;
    bool authRequired = true; // false: WF_AUTH=open, client routes need no key
    api::Gatekeeper::Limits rateLimits;
    LocalBuckets *buckets = nullptr; // the rate limits' fallback while Redis cannot be asked
    QString redisUrl; // empty: no cache
    kafka::KafkaProducer *producer = nullptr; // null when no broker is configured
    QByteArray instanceId;
    qint64 maxBodyBytes = 1 << 20;
    const kafka::GroupLag *lag = nullptr; // the worker group's lag; null without a broker
    int statsHistorySeconds = 3600;
};

// One API event loop: its own ApiServer, stores, after-commit sink (publisher and cache
// connection), controllers and QTcpServer on a shared listening descriptor, all created inside
// the thread so that they belong to it.
class ApiThread : public QThread
{
public:
    ApiThread(const ApiServices &services, int listeningFd, int index);
    ~ApiThread() override;

    // Closes the listening socket (connections already open keep being served); thread-safe.
    void stopListening();

    // Every answered request, into the process's metrics.
    static void observe(const QString &route, const QByteArray &method, int status, double seconds);

protected:
    void run() override;

private:
    ApiServices m_services;
    int m_fd;
    QPointer<QTcpServer> m_tcp;
};

} // namespace wf::app
