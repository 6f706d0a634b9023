#include "postgrescluster.h"

#include "childprocess.h"
#include "readiness.h"

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

bool postgresCanTraverse(const QString &path)
{
    const passwd *pg = ::getpwnam("postgres");
    if (!pg)
        return false;
    QString dir = QFileInfo(path).absoluteFilePath();
    while (!dir.isEmpty() && dir != u"/"_s) {
        struct stat info {};
        if (::stat(QFile::encodeName(dir).constData(), &info) == 0) {
            const bool owner = info.st_uid == pg->pw_uid;
            if (!(info.st_mode & S_IXOTH) && !owner)
                return false;
        }
        dir = QFileInfo(dir).absolutePath();
    }
    return true;
}

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

QString PostgresCluster::reachableDataDir(const QString &preferred)
{
    if (::geteuid() != 0 || postgresCanTraverse(QFileInfo(preferred).absolutePath()))
        return preferred;
    const passwd *pg = ::getpwnam("postgres");
    const QString home = pg ? QString::fromLocal8Bit(pg->pw_dir) : u"/var/lib/postgresql"_s;
    const QByteArray key = QFileInfo(preferred).absoluteFilePath().toUtf8();
    return home + u"/wf-platform-"_s + QString::number(qHash(key), 16);
}

Status PostgresCluster::initialize(const Options &options)
{
    const QString bin = binDir();
    if (bin.isEmpty())
        return Error::unavailable(u"PostgreSQL server binaries not found (install the postgresql package)"_s);
    if (QFileInfo::exists(options.dataDir + u"/PG_VERSION"_s))
        return Done{};
    QDir().mkpath(options.dataDir);
    if (::geteuid() == 0) {
        const passwd *pg = ::getpwnam("postgres");
        if (!pg)
            return Error::unavailable(u"user postgres does not exist (install the postgresql package)"_s);
        if (::chown(QFile::encodeName(options.dataDir).constData(), pg->pw_uid, pg->pw_gid) != 0)
            return Error::unavailable(u"cannot hand %1 to the postgres user"_s.arg(options.dataDir));
    }
    ::chmod(QFile::encodeName(options.dataDir).constData(), 0700);
    QStringList arguments{u"-D"_s, options.dataDir, u"-U"_s, u"postgres"_s, u"--auth=trust"_s, u"-E"_s, u"UTF8"_s,
                          u"--locale=C.UTF-8"_s};
    if (!options.durable)
        arguments << u"--no-sync"_s;
    return runAsPostgres(bin + u"/initdb"_s, arguments, options.logFile);
}

ChildProcess *PostgresCluster::createProcess(const Options &options, QObject *parent)
{
    ChildProcess::Spec spec;
    spec.name = u"postgres"_s;
    spec.program = binDir() + u"/postgres"_s;
    spec.arguments = {u"-D"_s, options.dataDir, u"-p"_s, QString::number(options.port),
                      u"-c"_s, u"listen_addresses=127.0.0.1"_s, u"-c"_s, u"unix_socket_directories="_s,
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

Status PostgresCluster::waitAndBootstrap(const Options &options, int timeoutMs)
{
    const QByteArray conninfo = u"host=127.0.0.1 port=%1 user=postgres dbname=postgres connect_timeout=2"_s
                                        .arg(options.port)
                                        .toUtf8();
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
    const QByteArray role = identifier(options.role);
    const QByteArray database = identifier(options.database);
    // DO blocks make both idempotent; CREATE DATABASE cannot run inside one, hence the check.
    if (auto status = exec("DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = " + QByteArray("'")
                           + options.role.toUtf8().replace('\'', "''") + "') THEN CREATE ROLE " + role
                           + " LOGIN; END IF; END$$");
        !status)
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
    QByteArray inDatabase = conninfo;
    inDatabase.replace("dbname=postgres", QByteArray("dbname=" + options.database.toUtf8()));
    PGconn *platform = PQconnectdb(inDatabase.constData());
    auto closePlatform = qScopeGuard([platform] { PQfinish(platform); });
    PGresult *extension = PQexec(platform, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    const bool created = PQresultStatus(extension) == PGRES_COMMAND_OK;
    const QString message = QString::fromUtf8(PQresultErrorMessage(extension));
    PQclear(extension);
    if (!created)
        return Error::unavailable(u"cannot create pg_stat_statements: "_s + message);
    return Done{};
}

} // namespace wf::stack
