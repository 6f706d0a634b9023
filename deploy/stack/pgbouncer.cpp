#include "pgbouncer.h"

#include "childprocess.h"
#include "readiness.h"
#include "servicedir.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

#include <libpq-fe.h>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wf::stack {

Status PgBouncer::configure(const Options &options)
{
    // The postgres user runs PgBouncer and writes its pid file here.
    if (auto status = ServiceDir::prepare(options.configDir, u"postgres"_s); !status)
        return status;
    const QString ini = u"[databases]\n"
                        "%1 = host=127.0.0.1 port=%2 dbname=%1\n"
                        "\n[pgbouncer]\n"
                        "listen_addr = 127.0.0.1\n"
                        "listen_port = %3\n"
                        "unix_socket_dir =\n"
                        "auth_type = scram-sha-256\n"
                        "auth_file = %4/userlist.txt\n"
                        "pool_mode = transaction\n"
                        "max_client_conn = %5\n"
                        "default_pool_size = %6\n"
                        "reserve_pool_size = %7\n"
                        "reserve_pool_timeout = 2\n"
                        "max_db_connections = 0\n"
                        // Safety net for statements a client might prepare.
                        "server_reset_query = DEALLOCATE ALL\n"
                        "server_reset_query_always = 1\n"
                        "ignore_startup_parameters = extra_float_digits,options\n"
                        "server_idle_timeout = 60\n"
                        "query_wait_timeout = 30\n"
                        // Back within a second of PostgreSQL (the default waits 15 s, longer than a lease).
                        "server_login_retry = 1\n"
                        "log_connections = 0\n"
                        "log_disconnections = 0\n"
                        "pidfile = %4/pgbouncer.pid\n"
                        "stats_users = %8\n"_s.arg(options.database)
                                .arg(options.postgresPort)
                                .arg(options.port)
                                .arg(options.configDir)
                                .arg(options.maxClientConnections)
                                .arg(options.defaultPoolSize)
                                .arg(options.reservePoolSize)
                                .arg(options.role);
    if (auto status = ServiceDir::writeFile(options.configDir + u"/pgbouncer.ini"_s, ini.toUtf8(), u"postgres"_s); !status)
        return status;
    const QByteArray role = options.role.toUtf8().replace('"', "\"\"");
    return ServiceDir::writeFile(options.configDir + u"/userlist.txt"_s,
                                 '"' + role + "\" \"" + options.scramSecret + "\"\n", u"postgres"_s);
}

ChildProcess *PgBouncer::createProcess(const Options &options, QObject *parent)
{
    ChildProcess::Spec spec;
    spec.name = u"pgbouncer"_s;
    spec.program = u"/usr/sbin/pgbouncer"_s;
    if (!QFile::exists(spec.program))
        spec.program = u"pgbouncer"_s;
    spec.arguments = {options.configDir + u"/pgbouncer.ini"_s};
    spec.runAsUser = u"postgres"_s;
    spec.logFile = options.logFile;
    spec.workingDirectory = options.configDir;
    // SIGINT: "safe shutdown", waits for running transactions.
    spec.stopSignal = SIGINT;
    spec.stopTimeoutMs = 10000;
    return new ChildProcess(spec, parent);
}

Status PgBouncer::waitReady(const Options &options, int timeoutMs)
{
    const QByteArray conninfo = u"host=127.0.0.1 port=%1 user=%2 dbname=%3 connect_timeout=2"_s.arg(options.port)
                                        .arg(options.role, options.database)
                                        .toUtf8();
    return waitUntilAnswering([&] { return PQping(conninfo.constData()) == PQPING_OK; }, timeoutMs, u"PgBouncer"_s,
                              options.port, options.logFile);
}

QString PgBouncer::url(const Options &options)
{
    return u"postgresql://%1@127.0.0.1:%2/%3"_s.arg(options.role).arg(options.port).arg(options.database);
}

} // namespace wf::stack
