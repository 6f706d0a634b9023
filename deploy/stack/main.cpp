// wf-stack: the local platform's supervisor and its control commands.
//   wf-stack up [--api N] [--workers M]   run everything in the foreground, supervised
//   wf-stack wait-ready [--timeout S]     wait until a running stack reports ready
//   wf-stack status [--json]              what runs, with pids and ports
//   wf-stack down                         stop everything, leave no process behind
#include "stackcommands.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wf-stack"));
    return wf::stack::runCommand(app);
}
