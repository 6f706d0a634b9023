#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace wf::stack {
class ChildProcess;
}

namespace wf::test {

// A free TCP port on 127.0.0.1 (bound to 0 and released: good enough for tests).
int freePort();

// A throwaway PostgreSQL (and optionally PgBouncer in transaction pooling mode) on free ports in
// a temporary folder, started with the project's own stack code and removed afterwards.
class TestCluster
{
public:
    struct Options
    {
        bool pgbouncer = false;
    };

    TestCluster();
    ~TestCluster();

    // Empty string on success, else the reason (for QVERIFY2).
    QString start(Options options);
    QString start() { return start(Options{}); }
    void stop();

    // PostgreSQL directly, and through PgBouncer when it runs (else also PostgreSQL).
    QString postgresUrl() const { return m_postgresUrl; }
    QString databaseUrl() const { return m_bouncerUrl.isEmpty() ? m_postgresUrl : m_bouncerUrl; }
    int postgresPort() const { return m_postgresPort; }
    QString dir() const { return m_dir.path(); }
    // The PgBouncer process (0 when it does not run), to freeze it with SIGSTOP.
    qint64 pgbouncerPid() const;
    // Sends `signal` to PostgreSQL's postmaster and every process it started (SIGSTOP to all of
    // them hangs the database, connections included; SIGCONT lets it go on).
    bool signalPostgres(int signal) const;

    // Runs one SQL statement as the superuser directly on PostgreSQL (over its Unix socket: the
    // superuser has no password); returns the first value.
    QString scalar(const QString &sql) const;
    // The pgpass file of every cluster of this test process (PGPASSFILE once one started).
    static QString passwordFile();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<stack::ChildProcess> m_postgres;
    std::unique_ptr<stack::ChildProcess> m_pgbouncer;
    QString m_postgresUrl;
    QString m_bouncerUrl;
    QByteArray m_superuser; // libpq parameters
    int m_postgresPort = 0;
};

// One SQL statement as the platform's role on the PostgreSQL at `port` (database "workflow"), its
// password from the pgpass file `passwordFile` (a stack's, see its status); the first value, or
// "ERROR: …".
QString scalarAt(int port, const QString &sql, const QString &passwordFile);
// Likewise with libpq connection parameters.
QString scalarWith(const QByteArray &conninfo, const QString &sql);

// The directory of the project's executables (WF_BIN_DIR, set by ctest).
QString binDir();

// kill(2) for one process only: refuses pids 0, 1 and negative ones, which would signal a whole
// process group (the test runner's among them) or init. False when refused or failed.
bool sendSignal(qint64 pid, int signal);

} // namespace wf::test
