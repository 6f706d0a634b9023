#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>
#include <QStringList>

namespace wf::stack {

class ChildProcess;

// A PostgreSQL cluster of the project's own, never the system cluster: initdb'd into its own
// folder and run by the `postgres` user (PostgreSQL refuses root). Nobody else on the machine
// gets in:
// - TCP on 127.0.0.1 only, and only with SCRAM: the platform's role has a generated password
//   kept in a pgpass file readable by the stack's owner alone (libpq finds it via PGPASSFILE);
//   the superuser has no password, so it cannot log in over TCP at all;
// - the Unix socket lives in the data folder (0700, the postgres user's) and admits the
//   superuser for the stack's own account only (peer authentication): the bootstrap's way in.
// pg_hba.conf and pg_ident.conf are rewritten on every start, so an older cluster set up with
// trust authentication is closed too.
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
        QString passwordFile;    // pgpass file (0600) with the role's password; made if missing
        bool durable = true;     // false = fsync off (throwaway test clusters)
        int maxConnections = 300;
        QStringList extraSettings; // "name=value"
    };

    // The server binaries of the newest installed PostgreSQL (WF_POSTGRES_BIN overrides).
    static QString binDir();
    // initdb when the folder is empty, then (every time) the access rules above.
    static Status initialize(const Options &options);
    // The supervised postgres process for these options (not yet started).
    static ChildProcess *createProcess(const Options &options, QObject *parent);
    // Waits until the server accepts connections, then, over the socket as the superuser,
    // creates the role and database if missing and sets the role's password (sent as a SCRAM
    // secret, never in clear).
    static Status waitAndBootstrap(const Options &options, int timeoutMs);
    // The role's SCRAM secret as the server stores it (PgBouncer's auth_file needs the very same).
    static Result<QByteArray> scramSecret(const Options &options);
    // The folder of the Unix socket: the data folder, or a short one in /tmp when the socket's
    // path would be too long.
    static QString socketDir(const Options &options);
    // The role's URL over TCP (no password in it: libpq reads it from the password file).
    static QString url(const Options &options);
    // libpq connection parameters for the superuser over the socket (tests, bootstrap).
    static QByteArray superuserConninfo(const Options &options, const QString &database);
};

} // namespace wf::stack
