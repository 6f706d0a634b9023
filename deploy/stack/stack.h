#pragma once

#include "childprocess.h"
#include "pgbouncer.h"
#include "postgrescluster.h"
#include "redisserver.h"
#include "stackoptions.h"
#include "stacklayout.h"

#include "core/result.h"

#include <QJsonObject>
#include <QObject>

#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace wf::db {
class Database;
}

namespace wf::stack {

class ChildProcess;
class LocalReplicas;
class ReplicaSet;
class ScalingReconciler;
class ServerPool;

// The local platform under one supervisor (the process behind deploy/up): PostgreSQL, PgBouncer
// (transaction pooling; servers and workers reach the database only through it), Redis, the
// embedded Kafka broker (unless WF_KAFKA_BROKERS names a real one), nginx in front of the
// wf-server replicas, and the wf-worker replicas. Every child is restarted when it dies; the
// replica counts follow scaling_targets; the live picture is written to <state>/stack.json for
// deploy/status and deploy/down.
class Stack : public QObject
{
public:
    explicit Stack(StackOptions options, QObject *parent = nullptr);
    ~Stack() override;

    // Brings everything up; returns once the services are up and the replicas were started
    // (readiness is reported later in the state file).
    Status up();
    // Stops the servers (nginx first) and workers, then the services; returns when all are gone.
    void down();
    // Records why the stack could not start: the state says "failed" with this "error" (what
    // wait-ready and status print) from then on.
    void fail(const QString &error);

    QJsonObject snapshot() const;

private:
    void writeState();
    // Every port the stack is about to listen on is free: else an error naming each component,
    // its port, who holds it and the setting that moves it.
    Status claimPorts() const;
    void checkReadiness();
    bool servicesRunning() const;
    QString kafkaBrokers() const;
    ChildProcess::Spec replicaSpec(const QString &component, int index) const;
    static QJsonObject processStatus(const ChildProcess *process, const QJsonObject &extra);

    StackOptions m_options;
    StackLayout m_layout;
    PostgresCluster::Options m_postgresOptions;
    PgBouncer::Options m_pgbouncerOptions;
    RedisServer::Options m_redisOptions;
    ChildProcess *m_postgres = nullptr;
    ChildProcess *m_pgbouncer = nullptr;
    ChildProcess *m_redis = nullptr;
    ChildProcess *m_broker = nullptr;
    ServerPool *m_servers = nullptr;
    ReplicaSet *m_workers = nullptr;
    std::unique_ptr<db::Database> m_database; // for the reconciler
    std::unique_ptr<LocalReplicas> m_replicas;
    ScalingReconciler *m_reconciler = nullptr;
    QTimer *m_stateTimer = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QString m_state = QStringLiteral("starting");
    QString m_error;
    bool m_stopped = false;
    bool m_ready = false;
};

} // namespace wf::stack
