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
    int apiReplicas = 1;
    int workerReplicas = 1;
    int httpPort = 8000;    // the first server's port; replicas use the next ones
    int postgresPort = 55432;

    static Result<StackOptions> from(const Config &config);
    QString statePath() const;
    QString logDir() const;
};

} // namespace wf::stack
