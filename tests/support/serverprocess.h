#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

namespace wf::test {

// A real wf-server process for integration tests, on a free port, stopped with SIGTERM.
class ServerProcess
{
public:
    ServerProcess() = default;
    ~ServerProcess();

    // Empty string on success, else the reason; waits until /health/ready answers 200.
    QString start(const QString &databaseUrl, const QProcessEnvironment &extra = {});
    void stop();
    bool running() const { return m_process.state() == QProcess::Running; }
    QUrl url() const;
    int port() const { return m_port; }
    QByteArray output();

private:
    QProcess m_process;
    int m_port = 0;
    QByteArray m_output;
};

} // namespace wf::test
