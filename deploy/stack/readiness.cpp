#include "readiness.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace wf::stack {

Status waitUntilAnswering(const std::function<bool()> &answers, int timeoutMs, const QString &service, int port,
                          const QString &logFile)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!answers()) {
        if (deadline.hasExpired())
            return Error::unavailable(u"%1 on port %2 did not come up (see %3)"_s.arg(service).arg(port).arg(logFile));
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(50);
    }
    return Done{};
}

} // namespace wf::stack
