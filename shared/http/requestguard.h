#pragma once

#include <QByteArray>
#include <QObject>

class QTcpSocket;

namespace wf::http {

// Refuses a request that is too large before QtHttpServer buffers it (it keeps a whole body in
// memory, twice, before handing the request over). Connected to the socket's readyRead ahead of
// the server's own parser, it sees every byte first: a request whose head announces a
// Content-Length over the limit, or whose bytes so far (chunked, or a lying length) pass it, or
// whose head passes kMaxHeadBytes, is answered 413 in its turn on the connection, which then
// closes; what else arrives is discarded unread.
//
// The server's parser starts a read transaction at the first byte of each request and commits
// it once the request is complete, so "no transaction" means the buffered bytes begin a new
// request, and during one every readyRead brings only new bytes of it.
class RequestGuard : public QObject
{
public:
    static constexpr qint64 kMaxHeadBytes = 64 * 1024;

    // A child of `socket`; must be created before anything else connects to its readyRead.
    RequestGuard(QTcpSocket *socket, qint64 maxBodyBytes, QByteArray instanceId);

private:
    void onReadyRead();
    void inspectHead();
    void refuse(const QString &detail);
    void discard();

    QTcpSocket *m_socket;
    qint64 m_maxBodyBytes;
    QByteArray m_instanceId;
    QByteArray m_head;     // the current request's bytes until its head is complete
    qint64 m_headBytes = -1; // the head's length once complete
    bool m_chunked = false;
    qint64 m_received = 0; // bytes of the current request so far
    bool m_refused = false;
};

} // namespace wf::http
