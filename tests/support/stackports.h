#pragma once

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QString>

namespace wf::test {

// Free loopback ports for one wf-stack (servers and worker health endpoints get runs of
// consecutive ports, one per replica), and the environment that puts the stack on them.
struct StackPorts
{
    explicit StackPorts(int replicas = 4);

    int http = 0;
    int server = 0;       // server-1 listens here, server-2 on the next port, …
    int workerHealth = 0; // likewise for the workers
    int postgres = 0;
    int pgbouncer = 0;
    int redis = 0;
    int broker = 0;
    int nginxStatus = 0;

    // WF_STACK_*_PORT, WF_HTTP_PORT and WF_STACK_STATE_DIR added to `environment`.
    QProcessEnvironment environment(const QString &stateDir,
                                    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment()) const;

    // The first of `count` consecutive ports that are all free; 0 when none was found.
    static int consecutiveFreePorts(int count);
};

// `wf-stack <arguments>` with `environment`, its output forwarded; the exit code.
int stackCommand(const QProcessEnvironment &environment, const QStringList &arguments, int timeoutMs = 120000);
// `wf-stack status --json` with `environment`: the state, or an empty object.
QJsonObject stackStatus(const QProcessEnvironment &environment);
// The operator key of the stack with `environment`, read from the file its status names (as an
// operator would); empty when there is none.
QByteArray stackOperatorKey(const QProcessEnvironment &environment);

} // namespace wf::test
