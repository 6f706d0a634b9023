#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#include <csignal>

class QTimer;

namespace wf::stack {

// One supervised child process: started with its own log file, optionally as another user
// (PostgreSQL and PgBouncer refuse to run as root), killed with its parent (PR_SET_PDEATHSIG)
// so that nothing outlives the supervisor, and restarted with exponential backoff when it dies
// unexpectedly.
class ChildProcess : public QObject
{
    Q_OBJECT

public:
    struct Spec
    {
        QString name;            // "postgres", "server-1", …
        QString program;
        QStringList arguments;
        QProcessEnvironment environment = baseEnvironment();
        QString workingDirectory;
        QString logFile;
        QString runAsUser;       // empty = the current user
        int stopSignal = SIGTERM;
        // What the child gets when the supervisor dies (PR_SET_PDEATHSIG); a process with children
        // of its own needs a signal it handles (nginx's master must take its workers down).
        int parentDeathSignal = SIGKILL;
        int stopTimeoutMs = 15000; // then SIGKILL
        bool restart = true;
    };

    // What a child gets of the supervisor's environment: the system's basics (PATH, HOME, USER,
    // locale, time zone, temporary directory), nothing else the shell held (credentials of other
    // tools, agent sockets). PostgreSQL, PgBouncer, Redis and nginx run with this.
    static QProcessEnvironment baseEnvironment();
    // The basics and the platform's own settings (WF_*, QT_*, sanitizer options), for wf-server,
    // wf-worker and wf-broker.
    static QProcessEnvironment platformEnvironment();

    explicit ChildProcess(Spec spec, QObject *parent = nullptr);
    ~ChildProcess() override;

    const Spec &spec() const { return m_spec; }
    void setSpec(Spec spec) { m_spec = std::move(spec); }
    bool start();
    // Sends the stop signal, escalates to SIGKILL after the timeout; `stopped` follows.
    void stop();
    // Blocks (processing events) until the process has exited or `ms` passed.
    bool waitStopped(int ms);
    // Sends `number` to the process if it runs (never to a process group).
    void signal(int number);
    bool running() const;
    qint64 pid() const;
    int restarts() const { return m_restarts; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void started(qint64 pid);
    void crashed(int exitCode);
    void stopped();

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void scheduleRestart();

    Spec m_spec;
    QProcess *m_process = nullptr;
    QTimer *m_restartTimer = nullptr;
    QTimer *m_killTimer = nullptr;
    QElapsedTimer m_upSince;
    bool m_stopping = false;
    int m_restarts = 0;
    int m_backoffMs = 500;
    QString m_lastError;
};

} // namespace wf::stack
