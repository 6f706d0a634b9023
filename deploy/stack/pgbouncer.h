#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>

namespace wf::stack {

class ChildProcess;

// PgBouncer in front of the project's PostgreSQL, in transaction pooling mode, sized for the
// seed's Phase 3 (10,000 clients). Run by the postgres user (PgBouncer refuses root). Clients
// authenticate with SCRAM against the role's secret in auth_file (the very secret PostgreSQL
// stores, so PgBouncer logs in to PostgreSQL with the client's proof); no admin console user.
class PgBouncer
{
public:
    struct Options
    {
        QString configDir;       // pgbouncer.ini, userlist.txt, log
        int port = 26432;
        int postgresPort = 25432;
        QString database = QStringLiteral("workflow");
        QString role = QStringLiteral("workflow");
        int maxClientConnections = 10000;
        int defaultPoolSize = 40;
        int reservePoolSize = 10;
        QString logFile;
        QByteArray scramSecret;  // the role's, from PostgresCluster::scramSecret()
    };

    // Writes pgbouncer.ini and userlist.txt (0600, the postgres user's).
    static Status configure(const Options &options);
    static ChildProcess *createProcess(const Options &options, QObject *parent);
    static Status waitReady(const Options &options, int timeoutMs);
    static QString url(const Options &options);
};

} // namespace wf::stack
