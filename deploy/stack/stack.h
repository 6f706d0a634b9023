#pragma once

#include "postgrescluster.h"
#include "stackoptions.h"

#include "core/result.h"

#include <QJsonObject>
#include <QObject>

class QNetworkAccessManager;
class QTimer;

namespace wf::stack {

class ChildProcess;
class ReplicaSet;

// The local platform under one supervisor (the process behind deploy/up): PostgreSQL, the
// embedded Kafka broker (unless WF_KAFKA_BROKERS names a real one), the wf-server and wf-worker
// replicas, each restarted when it dies, with the live picture written to <state>/stack.json for
// deploy/status and deploy/down.
class Stack : public QObject
{
public:
    explicit Stack(StackOptions options, QObject *parent = nullptr);
    ~Stack() override;

    // Brings everything up; returns once PostgreSQL is bootstrapped and the servers were
    // started (readiness is reported later in the state file).
    Status up();
    // Stops servers first, the database last; returns when all are gone.
    void down();

    QJsonObject snapshot() const;

private:
    void writeState();
    void checkReadiness();
    QString kafkaBrokers() const;
    ReplicaSet *createReplicas(const QString &component, const QString &program, const QString &databaseUrl);

    StackOptions m_options;
    PostgresCluster::Options m_postgresOptions;
    ChildProcess *m_postgres = nullptr;
    ChildProcess *m_broker = nullptr;
    ReplicaSet *m_servers = nullptr;
    ReplicaSet *m_workers = nullptr;
    QTimer *m_stateTimer = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QString m_state = QStringLiteral("starting");
    bool m_ready = false;
};

} // namespace wf::stack
