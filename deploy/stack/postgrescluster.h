#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace wf::stack {

class ChildProcess;

// A PostgreSQL cluster of the project's own: initdb'd into a folder of the state directory and
// run by the `postgres` user (PostgreSQL refuses root), never the system cluster. Listens on
// 127.0.0.1 only, TCP only, trust authentication on loopback.
class PostgresCluster
{
public:
    struct Options
    {
        QString dataDir;
        int port = 25432;
        QString role = QStringLiteral("workflow");
        QString database = QStringLiteral("workflow");
        QString logFile;
        bool durable = true;     // false = fsync off (throwaway test clusters)
        int maxConnections = 300;
        QStringList extraSettings; // "name=value"
    };

    // The server binaries of the newest installed PostgreSQL (WF_POSTGRES_BIN overrides).
    static QString binDir();
    // `preferred` if the postgres user can reach it, else a folder in postgres's home: a
    // checkout under /root is not traversable by other users.
    static QString reachableDataDir(const QString &preferred);

    // initdb when the folder is empty; safe to call on an existing cluster.
    static Status initialize(const Options &options);
    // The supervised postgres process for these options (not yet started).
    static ChildProcess *createProcess(const Options &options, QObject *parent);
    // Waits until the server accepts connections, then creates the role and database if missing.
    static Status waitAndBootstrap(const Options &options, int timeoutMs);
    static QString url(const Options &options);
};

} // namespace wf::stack
