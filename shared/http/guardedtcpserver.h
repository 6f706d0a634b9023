#pragma once

#include <QByteArray>
#include <QTcpServer>

namespace wf::http {

// A QTcpServer whose connections each get a RequestGuard before the HTTP server sees them.
class GuardedTcpServer : public QTcpServer
{
public:
    GuardedTcpServer(qint64 maxBodyBytes, QByteArray instanceId, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    qint64 m_maxBodyBytes;
    QByteArray m_instanceId;
};

} // namespace wf::http
