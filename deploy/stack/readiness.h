#pragma once

#include "core/result.h"

#include <QString>

#include <functional>

namespace wf::stack {

// Polls `answers` every 50 ms (keeping the event loop turning, so supervised children are still
// reaped) until it is true or `timeoutMs` passed; then a start-up error naming the service and
// where its log is.
Status waitUntilAnswering(const std::function<bool()> &answers, int timeoutMs, const QString &service, int port,
                          const QString &logFile);

} // namespace wf::stack
