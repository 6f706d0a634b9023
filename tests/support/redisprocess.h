#pragma once

#include "cache/redisreply.h"
#include "stack/redisserver.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace wf::stack {
class ChildProcess;
}

namespace wf::test {

// A throwaway redis-server (started with the project's RedisServer) on a free port in a
// temporary folder, with the ways a test breaks it: SIGKILL, SIGSTOP/SIGCONT (a hung Redis), a
// restart on the same port. The assertion helpers use their own blocking hiredis connection.
class RedisProcess
{
public:
    RedisProcess();
    ~RedisProcess();

    // Empty string on success, else the reason (for QVERIFY2). Waits until PING answers.
    QString start();
    // Starts again on the same port (after stop() or kill(), or stopping it first).
    QString restart();
    void stop();
    void kill();
    void pause();
    void resume();
    bool running() const;

    QString url() const;
    int port() const { return m_options.port; }
    QString dir() const { return m_dir.path(); }

    // One blocking command on database 0 (2 s timeout); an Error reply when Redis cannot be reached.
    // Authenticates first when a password was set (after CONFIG SET requirepass).
    void setPassword(const QByteArray &password) { m_password = password; }
    RedisReply command(const QList<QByteArray> &args) const;
    int keyCount() const;
    bool exists(const QByteArray &key) const;
    QByteArray get(const QByteArray &key) const;

private:
    QTemporaryDir m_dir;
    stack::RedisServer::Options m_options;
    std::unique_ptr<stack::ChildProcess> m_process;
    bool m_paused = false;
    QByteArray m_password;
};

} // namespace wf::test
