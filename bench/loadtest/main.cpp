// wf-loadtest: the seed's load test in C++ (see seedflow.h for the flow), event-driven with one
// thread per core, the users of each thread sharing its part of a pool of at most --connections
// keep-alive connections.
//
//   wf-loadtest [--url http://127.0.0.1:8000] [--users 1000] [--connections N] [--threads N]
//               [--timeout 60] [--settle 120] [--delay 1] [--rounds 1] [--token key] [--json] [--quiet]
#include "loadtestrun.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // Qt's own poll() dispatcher: glib's spends most of its time re-registering socket
    // notifiers once a thread holds thousands of sockets (8,500 against 32,000 req/s at 10,000
    // users on a static nginx here).
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wf-loadtest"));
    return wf::bench::LoadTestRun::main(app);
}
