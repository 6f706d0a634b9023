#include "postgrescluster.h"

#include "childprocess.h"
#include "pgpassfile.h"
#include "readiness.h"
#include "servicedir.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QThread>

#include <libpq-fe.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wf::stack {

namespace {

Status runAsPostgres(const QString &program, const QStringList &arguments, const QString &logFile)
{
    ChildProcess::Spec spec;
    spec.name = QFileInfo(program).fileName();
    spec.program = program;
    spec.arguments = arguments;
    spec.runAsUser = u"postgres"_s;
    spec.logFile = logFile;
    spec.restart = false;
    spec.workingDirectory = QDir::tempPath();
    ChildProcess process(spec);
    int exitCode = -1;
    bool finished = false;
    QObject::connect(&process, &ChildProcess::crashed, [&](int code) {
        exitCode = code;
        finished = true;
    });
    QObject::connect(&process, &ChildProcess::stopped, [&] { finished = true; });
    if (!process.start())
        return Error::unavailable(u"cannot run %1: %2"_s.arg(program, process.lastError()));
    process.waitStopped(300000);
    QCoreApplication::processEvents();
    if (exitCode != 0 && exitCode != -1)
        return Error::unavailable(u"%1 failed with exit code %2 (see %3)"_s.arg(program).arg(exitCode).arg(logFile));
    return Done{};
}

// The account that runs the stack: the one the socket admits as superuser.
QString ownAccount()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

// Who may connect, and how: see the class comment.
Status writeAccessRules(const PostgresCluster::Options &options)
{
    const QByteArray hba = "# Written by wf-stack on every start; edits are lost.\n"
                           "# The superuser over the Unix socket, for the stack's own account only.\n"
                           "local all postgres peer map=stack\n"
                           "# Everyone else over TCP on loopback, with a password (SCRAM).\n"
                           "host all all 127.0.0.1/32 scram-sha-256\n"
                           "host all all ::1/128 scram-sha-256\n";
    if (auto status = ServiceDir::writeFile(options.dataDir + u"/pg_hba.conf"_s, hba, u"postgres"_s); !status)
        return status;
    QByteArray ident = "# Written by wf-stack on every start; edits are lost.\n";
    for (const QString &account : QStringList{ownAccount(), u"postgres"_s}) {
        if (!account.isEmpty())
            ident += "stack " + account.toUtf8() + " postgres\n";
    }
    return ServiceDir::writeFile(options.dataDir + u"/pg_ident.conf"_s, ident, u"postgres"_s);
}

} // namespace

QString PostgresCluster::binDir()
{
    const QString configured = qEnvironmentVariable("WF_POSTGRES_BIN");
    if (!configured.isEmpty())
        return configured;
    QDir root(u"/usr/lib/postgresql"_s);
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &version : versions) {
        const QString bin = root.filePath(version + u"/bin"_s);
        if (QFileInfo::exists(bin + u"/postgres"_s))
            return bin;
    }
    return {};
}

Status PostgresCluster::initialize(const Options &options)
{
    const QString bin = binDir();
    if (bin.isEmpty())
        return Error::unavailable(u"PostgreSQL server binaries not found (install the postgresql package)"_s);
    if (!QFileInfo::exists(options.dataDir + u"/PG_VERSION"_s)) {
        if (auto status = ServiceDir::prepare(options.dataDir, u"postgres"_s); !status)
            return status;
        QStringList arguments{u"-D"_s, options.dataDir, u"-U"_s, u"postgres"_s, u"--auth-local=peer"_s,
                              u"--auth-host=scram-sha-256"_s, u"-E"_s, u"UTF8"_s, u"--locale=C.UTF-8"_s};
        if (!options.durable)
            arguments << u"--no-sync"_s;
        if (auto status = runAsPostgres(bin + u"/initdb"_s, arguments, options.logFile); !status)
            return status;
    }
    if (const QString sockets = socketDir(options); sockets != QFileInfo(options.dataDir).absoluteFilePath()) {
        if (auto status = ServiceDir::prepare(sockets, u"postgres"_s); !status)
            return status;
    }
    return writeAccessRules(options);
}

ChildProcess *PostgresCluster::createProcess(const Options &options, QObject *parent)
{
    ChildProcess::Spec spec;
    spec.name = u"postgres"_s;
    spec.program = binDir() + u"/postgres"_s;
    spec.arguments = {u"-D"_s, options.dataDir, u"-p"_s, QString::number(options.port),
                      u"-c"_s, u"listen_addresses=127.0.0.1"_s,
                      u"-c"_s, u"unix_socket_directories="_s + socketDir(options),
                      u"-c"_s, u"unix_socket_permissions=0700"_s, u"-c"_s, u"password_encryption=scram-sha-256"_s,
                      u"-c"_s, u"max_connections=%1"_s.arg(options.maxConnections),
                      u"-c"_s, u"shared_buffers=256MB"_s, u"-c"_s, u"wal_buffers=16MB"_s,
                      u"-c"_s, u"checkpoint_timeout=15min"_s, u"-c"_s, u"max_wal_size=2GB"_s,
                      u"-c"_s, u"log_min_messages=warning"_s, u"-c"_s, u"log_min_error_statement=panic"_s,
                      // Per-statement counts and times for operators (and the tests' query counts).
                      u"-c"_s, u"shared_preload_libraries=pg_stat_statements"_s};
    if (!options.durable)
        spec.arguments << u"-c"_s << u"fsync=off"_s << u"-c"_s << u"synchronous_commit=off"_s << u"-c"_s
                       << u"full_page_writes=off"_s;
    for (const QString &setting : options.extraSettings)
        spec.arguments << u"-c"_s << setting;
    spec.runAsUser = u"postgres"_s;
    spec.logFile = options.logFile;
    spec.workingDirectory = options.dataDir;
    // SIGINT is PostgreSQL's "fast" shutdown; SIGTERM would wait for every client to leave.
    spec.stopSignal = SIGINT;
    spec.stopTimeoutMs = 30000;
    return new ChildProcess(spec, parent);
}

QString PostgresCluster::url(const Options &options)
{
    return u"postgresql://%1@127.0.0.1:%2/%3"_s.arg(options.role).arg(options.port).arg(options.database);
}

QString PostgresCluster::socketDir(const Options &options)
{
    // sun_path holds 107 bytes; the socket is <dir>/.s.PGSQL.<port>.
    const QString dir = QFileInfo(options.dataDir).absoluteFilePath();
    if (QFile::encodeName(dir).size() + 20 <= 100)
        return dir;
    return QDir::tempPath() + u"/wf-pg-"_s + QString::number(qHash(dir.toUtf8()), 16);
}

QByteArray PostgresCluster::superuserConninfo(const Options &options, const QString &database)
{
    auto quoted = [](QString value) -> QString { return u"'"_s + value.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s) + u"'"_s; };
    return u"host=%1 port=%2 user=postgres dbname=%3 connect_timeout=5"_s
            .arg(quoted(socketDir(options)))
            .arg(options.port)
            .arg(quoted(database))
            .toUtf8();
}

Status PostgresCluster::waitAndBootstrap(const Options &options, int timeoutMs)
{
    const QByteArray conninfo = superuserConninfo(options, u"postgres"_s);
    if (auto up = waitUntilAnswering([&] { return PQping(conninfo.constData()) == PQPING_OK; }, timeoutMs,
                                     u"PostgreSQL"_s, options.port, options.logFile);
        !up)
        return up;
    PGconn *connection = PQconnectdb(conninfo.constData());
    auto closeConnection = qScopeGuard([connection] { PQfinish(connection); });
    if (PQstatus(connection) != CONNECTION_OK)
        return Error::unavailable(u"cannot connect to PostgreSQL: "_s + QString::fromUtf8(PQerrorMessage(connection)));
    auto exec = [connection](const QByteArray &sql) -> Status {
        PGresult *result = PQexec(connection, sql.constData());
        const auto status = PQresultStatus(result);
        const QString message = QString::fromUtf8(PQresultErrorMessage(result));
        PQclear(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            return Error::unavailable(u"bootstrap failed: "_s + message);
        return Done{};
    };
    auto identifier = [connection](const QString &name) {
        const QByteArray utf8 = name.toUtf8();
        char *escaped = PQescapeIdentifier(connection, utf8.constData(), size_t(utf8.size()));
        const QByteArray out(escaped);
        PQfreemem(escaped);
        return out;
    };
    auto literal = [connection](const QByteArray &value) {
        char *escaped = PQescapeLiteral(connection, value.constData(), size_t(value.size()));
        const QByteArray out(escaped);
        PQfreemem(escaped);
        return out;
    };
    const QByteArray role = identifier(options.role);
    const QByteArray database = identifier(options.database);
    // DO blocks make both idempotent; CREATE DATABASE cannot run inside one, hence the check.
    if (auto status = exec("DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = " + literal(options.role.toUtf8())
                           + ") THEN CREATE ROLE " + role + " LOGIN; END IF; END$$");
        !status)
        return status;
    // The password goes over as the SCRAM secret libpq computes here: never in clear, so no log
    // or statistics view can show it.
    const auto password = PgPassFile::ensure(options.passwordFile, options.role);
    if (!password)
        return password.error();
    const QByteArray roleName = options.role.toUtf8();
    char *secret = PQencryptPasswordConn(connection, password->constData(), roleName.constData(), "scram-sha-256");
    if (!secret)
        return Error::unavailable(u"cannot compute the SCRAM secret: "_s + QString::fromUtf8(PQerrorMessage(connection)));
    const QByteArray secretText(secret);
    PQfreemem(secret);
    // Set on every start (with a new salt): the password file is the truth, whatever the cluster
    // had before (an older cluster's role had none).
    if (auto status = exec("ALTER ROLE " + role + " PASSWORD " + literal(secretText)); !status)
        return status;
    const QByteArray databaseName = options.database.toUtf8();
    const char *values[] = {databaseName.constData()};
    PGresult *exists = PQexecParams(connection, "SELECT 1 FROM pg_database WHERE datname = $1", 1, nullptr, values,
                                    nullptr, nullptr, 0);
    const bool present = PQntuples(exists) == 1;
    PQclear(exists);
    if (!present) {
        if (auto status = exec("CREATE DATABASE " + database + " OWNER " + role + " ENCODING 'UTF8'"); !status)
            return status;
    }
    // The extension lives in the platform's database (created by the superuser, read by anyone).
    PGconn *platform = PQconnectdb(superuserConninfo(options, options.database).constData());
    auto closePlatform = qScopeGuard([platform] { PQfinish(platform); });
    PGresult *extension = PQexec(platform, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    const bool created = PQresultStatus(extension) == PGRES_COMMAND_OK;
    const QString message = QString::fromUtf8(PQresultErrorMessage(extension));
    PQclear(extension);
    if (!created)
        return Error::unavailable(u"cannot create pg_stat_statements: "_s + message);
    return Done{};
}

Result<QByteArray> PostgresCluster::scramSecret(const Options &options)
{
    PGconn *connection = PQconnectdb(superuserConninfo(options, u"postgres"_s).constData());
    auto closeConnection = qScopeGuard([connection] { PQfinish(connection); });
    if (PQstatus(connection) != CONNECTION_OK)
        return Error::unavailable(u"cannot connect to PostgreSQL: "_s + QString::fromUtf8(PQerrorMessage(connection)));
    const QByteArray role = options.role.toUtf8();
    const char *values[] = {role.constData()};
    PGresult *result = PQexecParams(connection, "SELECT rolpassword FROM pg_authid WHERE rolname = $1", 1, nullptr,
                                    values, nullptr, nullptr, 0);
    auto clear = qScopeGuard([result] { PQclear(result); });
    if (PQresultStatus(result) != PGRES_TUPLES_OK || PQntuples(result) != 1 || PQgetisnull(result, 0, 0))
        return Error::unavailable(u"role %1 has no password"_s.arg(options.role));
    return QByteArray(PQgetvalue(result, 0, 0));
}

} // namespace wf::stack
