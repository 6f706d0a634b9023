#pragma once

#include <QByteArray>
#include <QObject>

#include <deque>

class QTcpSocket;

namespace wf::http {

// Keeps the responses of one connection in request order. Requests are answered when their work
// is done, which for pipelined requests can be out of order (notes/pitfalls.md); each request
// takes a ticket on arrival and its bytes are held until all earlier tickets are written.
// A child of its socket, so it dies with the connection and pending answers are dropped.
class ConnectionSequencer : public QObject
{
public:
    static ConnectionSequencer *of(QTcpSocket *socket);

    quint64 take();
    void complete(quint64 ticket, QByteArray bytes, bool closeAfter);

private:
    explicit ConnectionSequencer(QTcpSocket *socket);
    void flush();

    struct Slot
    {
        quint64 ticket;
        QByteArray bytes;
        bool done = false;
        bool closeAfter = false;
    };

    QTcpSocket *m_socket;
    std::deque<Slot> m_slots;
    quint64 m_next = 0;
};

} // namespace wf::http
