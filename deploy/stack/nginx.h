#pragma once

#include "core/result.h"

#include <QList>
#include <QObject>
#include <QString>

namespace wf::stack {

class ChildProcess;

// nginx in front of the API replicas: least_conn over upstream keep-alive connections, sized for
// 10,000 concurrent clients, 1 MiB bodies, a retry on another replica only for idempotent
// requests (nginx never passes a non-idempotent request on once it was sent), and its own error
// pages (413, 502, 503, 504) as JSON {"detail"} like the API's. The upstream list is rewritten
// and nginx reloaded (SIGHUP: new workers, old ones finish what they have) when replicas change.
class Nginx
{
public:
    struct Options
    {
        QString dir;          // nginx.conf, pid file
        QString temporaryDir; // request and response buffers (the workers' account's); empty = dir
        QString logDir;
        QString host = QStringLiteral("0.0.0.0");
        int port = 8000;
        int workerConnections = 16384; // per worker process; clients and upstream connections share it
        int fileLimit = 20000;
        qint64 maxBodyBytes = 1 << 20;
        int statusPort = 0; // stub_status at http://127.0.0.1:<port>/nginx_status; 0 = none
    };

    // Writes nginx.conf for these upstream ports (an empty list answers 503 JSON).
    static Status writeConfig(const Options &options, const QList<int> &upstreamPorts);
    static QString configText(const Options &options, const QList<int> &upstreamPorts);
    static ChildProcess *createProcess(const Options &options, QObject *parent);
    // The worker processes of the nginx master `masterPid` (read from /proc).
    static QList<qint64> workers(qint64 masterPid);
    static QString program();
};

} // namespace wf::stack
