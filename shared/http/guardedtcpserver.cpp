#include "guardedtcpserver.h"

#include "requestguard.h"

#include <QTcpSocket>

namespace wf::http {

GuardedTcpServer::GuardedTcpServer(qint64 maxBodyBytes, QByteArray instanceId, QObject *parent)
    : QTcpServer(parent), m_maxBodyBytes(maxBodyBytes), m_instanceId(std::move(instanceId))
{
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    new RequestGuard(socket, m_maxBodyBytes, m_instanceId);
    addPendingConnection(socket);
}

} // namespace wf::http
