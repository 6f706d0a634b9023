#pragma once

#include "core/result.h"

#include <QString>

namespace wf {
class Config;
}

namespace wf::stack {

// What `wf-stack up` runs, from settings (WF_STACK_*, WF_HTTP_PORT, …) and the command line.
struct StackOptions
{
    QString stateDir;       // pids, logs, the PostgreSQL cluster
    QString binDir;         // where wf-server and wf-worker are
    int apiReplicas = 3;
    int workerReplicas = 3;
    int httpPort = 8000;        // nginx, the API's public port
    QString httpHost = QStringLiteral("0.0.0.0");
    int serverPort = 8001;      // the first server's own port (behind nginx); replicas use the next ones
    // Default ports sit below Linux's ephemeral range (32768–60999): a port in it can be taken
    // by any outgoing connection at the moment the stack starts.
    int postgresPort = 25432;
    int brokerPort = 29092;     // the embedded broker's
    int pgbouncerPort = 26432;
    int redisPort = 26379;
    int nginxStatusPort = 0;    // nginx's stub_status on loopback; 0 = none (deploy/up sets 8090)
    int serverMin = 1;
    int serverMax = 16;
    int workerMin = 0;
    int workerMax = 16;
    int workerHealthPort = 8100; // the first worker's health endpoint; the next ones follow
    int partitions = 3;         // of workflow.trigger on the embedded broker
    QString kafkaBrokers;       // a real Kafka (WF_KAFKA_BROKERS): then no embedded broker runs
    // WF_AUTH of the servers: open by default here, so the seed's clients work unchanged (admin
    // routes need the operator key the stack keeps in operator.token either way).
    QString auth = QStringLiteral("open");
    // WF_WEBHOOK_ALLOW of the workers: this machine's loopback by default, so that webhooks to a
    // local receiver (the README's wf-echo) work; nothing else private.
    QString webhookAllow = QStringLiteral("127.0.0.0/8,::1");

    static Result<StackOptions> from(const Config &config);
    QString statePath() const;
    QString logDir() const;
};

} // namespace wf::stack
