#include "testcluster.h"

#include "stack/childprocess.h"
#include "stack/pgbouncer.h"
#include "stack/postgrescluster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTcpServer>

#include <libpq-fe.h>
#include <csignal>
#include <sys/stat.h>
#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wf::test {

int freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

qint64 TestCluster::pgbouncerPid() const
{
    return m_pgbouncer ? m_pgbouncer->pid() : 0;
}

bool TestCluster::signalPostgres(int signal) const
{
    if (!m_postgres || m_postgres->pid() <= 0)
        return false;
    // The postmaster's descendants, from /proc (backends fork from the postmaster).
    QList<qint64> tree{m_postgres->pid()};
    bool grew = true;
    while (grew) {
        grew = false;
        for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            bool numeric = false;
            const qint64 pid = entry.toLongLong(&numeric);
            if (!numeric || tree.contains(pid))
                continue;
            QFile stat(u"/proc/%1/stat"_s.arg(entry));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            const QByteArray text = stat.readAll();
            // "pid (comm) state ppid …": comm may hold spaces and parentheses; ppid follows the last ')'.
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
            if (fields.size() > 1 && tree.contains(fields.at(1).toLongLong())) {
                tree.append(pid);
                grew = true;
            }
        }
    }
    bool all = true;
    for (const qint64 pid : tree)
        all = sendSignal(pid, signal) && all;
    return all;
}

bool sendSignal(qint64 pid, int signal)
{
    if (pid <= 1) {
        qWarning("refusing to send signal %d to pid %lld", signal, pid);
        return false;
    }
    return ::kill(pid_t(pid), signal) == 0;
}

QString binDir()
{
    const QString configured = qEnvironmentVariable("WF_BIN_DIR");
    return configured.isEmpty() ? QCoreApplication::applicationDirPath() : configured;
}

QString TestCluster::passwordFile()
{
    // One for the whole test process (its clusters share the password), so that PGPASSFILE
    // serves every cluster and every server or worker the test starts.
    static QTemporaryDir dir(QDir::tempPath() + u"/wf-test-pgpass-XXXXXX"_s);
    return dir.path() + u"/pgpass"_s;
}

TestCluster::TestCluster() : m_dir(QDir::tempPath() + u"/wf-test-XXXXXX"_s)
{
    // The postgres user must be able to enter the folder.
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
}

TestCluster::~TestCluster()
{
    stop();
}

QString TestCluster::start(Options options)
{
    stack::PostgresCluster::Options pg;
    pg.dataDir = m_dir.path() + u"/postgres"_s;
    pg.port = freePort();
    pg.logFile = m_dir.path() + u"/postgres.log"_s;
    pg.durable = false;
    pg.maxConnections = 200;
    pg.passwordFile = passwordFile();
    qputenv("PGPASSFILE", QFile::encodeName(pg.passwordFile));
    if (auto status = stack::PostgresCluster::initialize(pg); !status)
        return status.error().detail();
    m_postgres.reset(stack::PostgresCluster::createProcess(pg, nullptr));
    m_postgres->setSpec([&] {
        auto spec = m_postgres->spec();
        spec.restart = false;
        // Small shared memory for throwaway clusters: many tests may run side by side.
        spec.arguments << u"-c"_s << u"shared_buffers=32MB"_s;
        return spec;
    }());
    if (!m_postgres->start())
        return u"cannot start postgres: "_s + m_postgres->lastError();
    if (auto status = stack::PostgresCluster::waitAndBootstrap(pg, 60000); !status)
        return status.error().detail();
    m_postgresPort = pg.port;
    m_postgresUrl = stack::PostgresCluster::url(pg);
    m_superuser = stack::PostgresCluster::superuserConninfo(pg, pg.database);

    if (options.pgbouncer) {
        stack::PgBouncer::Options bouncer;
        bouncer.configDir = m_dir.path() + u"/pgbouncer"_s;
        bouncer.port = freePort();
        bouncer.postgresPort = pg.port;
        bouncer.logFile = m_dir.path() + u"/pgbouncer.log"_s;
        bouncer.maxClientConnections = 1000;
        bouncer.defaultPoolSize = 20;
        const auto secret = stack::PostgresCluster::scramSecret(pg);
        if (!secret)
            return secret.error().detail();
        bouncer.scramSecret = *secret;
        if (auto status = stack::PgBouncer::configure(bouncer); !status)
            return status.error().detail();
        m_pgbouncer.reset(stack::PgBouncer::createProcess(bouncer, nullptr));
        m_pgbouncer->setSpec([&] {
            auto spec = m_pgbouncer->spec();
            spec.restart = false;
            return spec;
        }());
        if (!m_pgbouncer->start())
            return u"cannot start pgbouncer: "_s + m_pgbouncer->lastError();
        if (auto status = stack::PgBouncer::waitReady(bouncer, 30000); !status)
            return status.error().detail();
        m_bouncerUrl = stack::PgBouncer::url(bouncer);
    }
    return {};
}

void TestCluster::stop()
{
    if (m_pgbouncer) {
        m_pgbouncer->stop();
        m_pgbouncer->waitStopped(15000);
        m_pgbouncer.reset();
    }
    if (m_postgres) {
        m_postgres->stop();
        m_postgres->waitStopped(30000);
        m_postgres.reset();
    }
}

QString TestCluster::scalar(const QString &sql) const
{
    return scalarWith(m_superuser, sql);
}

QString scalarAt(int port, const QString &sql, const QString &passwordFile)
{
    const QString conninfo = u"host=127.0.0.1 port=%1 user=workflow dbname=workflow connect_timeout=5 passfile='%2'"_s
                                     .arg(port)
                                     .arg(QString(passwordFile).replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s));
    return scalarWith(conninfo.toUtf8(), sql);
}

QString scalarWith(const QByteArray &conninfo, const QString &sql)
{
    PGconn *connection = PQconnectdb(conninfo.constData());
    QString value;
    if (PQstatus(connection) == CONNECTION_OK) {
        PGresult *result = PQexec(connection, sql.toUtf8().constData());
        if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) > 0)
            value = QString::fromUtf8(PQgetvalue(result, 0, 0));
        else if (PQresultStatus(result) != PGRES_COMMAND_OK && PQresultStatus(result) != PGRES_TUPLES_OK)
            value = u"ERROR: "_s + QString::fromUtf8(PQresultErrorMessage(result));
        PQclear(result);
    } else {
        value = u"ERROR: "_s + QString::fromUtf8(PQerrorMessage(connection));
    }
    PQfinish(connection);
    return value;
}

} // namespace wf::test
