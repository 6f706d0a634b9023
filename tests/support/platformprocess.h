#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace wf::test {

// One of the platform's executables run for real by a test (wf-worker, wf-broker, …): output
// kept for failure messages, SIGTERM to stop, SIGKILL to simulate a crash.
class PlatformProcess
{
public:
    explicit PlatformProcess(QString program) : m_program(std::move(program)) { }
    ~PlatformProcess();

    // Empty string on success, else the reason.
    QString start(const QStringList &arguments, const QProcessEnvironment &environment);
    // Waits until the output contains `text` (or the process exits / `timeoutMs` pass).
    bool waitForOutput(const QByteArray &text, int timeoutMs);
    void stop(int timeoutMs = 30000);
    void kill();
    bool running() const { return m_process.state() == QProcess::Running; }
    qint64 pid() const { return m_process.processId(); }
    QByteArray output();

private:
    QString m_program;
    QProcess m_process;
    QByteArray m_output;
};

// A wf-broker on a free port; `bootstrap()` is what WF_KAFKA_BROKERS needs.
class BrokerProcess
{
public:
    QString start(int partitions = 3, int port = 0);
    void stop() { m_process.stop(); }
    void kill() { m_process.kill(); }
    QString bootstrap() const { return m_bootstrap; }
    int port() const { return m_port; }

private:
    PlatformProcess m_process{QStringLiteral("wf-broker")};
    QString m_bootstrap;
    int m_port = 0;
};

} // namespace wf::test
