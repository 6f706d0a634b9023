#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace wf::stack {

// Polls `answers` every 50 ms (keeping the event loop turning, so supervised children are still
// reaped) until it is true or `timeoutMs` passed; then a start-up error naming the service and
// where its log is.
Status waitUntilAnswering(const std::function<bool()> &answers, int timeoutMs, const QString &service, int port,
                          const QString &logFile);

// The components every stack has, in the order `status` shows them.
QStringList stackComponents();
// How many live processes `component` (an entry of the state's "components") must have: one for
// the services and nginx, none for a broker that is not embedded, the desired count of replicas.
int expectedProcesses(const QString &name, const QJsonObject &component);
// What keeps the recorded stack (StateFile::verified) from having every process it should:
// e.g. "nginx has no live process (port 8000, restarted 4 times; see …/nginx.log)".
QStringList componentProblems(const QJsonObject &state);

// Whether the platform itself answers on its HTTP entry: the port is held by this stack's nginx,
// and GET /health/ready through it answers 200 from one of this stack's servers (X-Instance-Id
// among the instances the state records). Empty when it does, else why not (naming nginx and the
// port). Blocking, for wf-stack wait-ready.
QString entryProblem(const QJsonObject &state, int timeoutMs);

// The host to reach a listener on `host` from this machine (a wildcard means loopback).
QString reachableHost(const QString &host);

} // namespace wf::stack
