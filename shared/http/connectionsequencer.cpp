#include "connectionsequencer.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace wf::http {

ConnectionSequencer *ConnectionSequencer::of(QTcpSocket *socket)
{
    // findChild would walk all children; the socket has few, but a property is O(1).
    auto *existing = socket->property("wf.sequencer").value<QObject *>();
    if (existing)
        return static_cast<ConnectionSequencer *>(existing);
    auto *sequencer = new ConnectionSequencer(
            [socket](const QByteArray &bytes, bool close) {
                if (socket->state() != QAbstractSocket::ConnectedState)
                    return false;
                socket->write(bytes);
                if (!close)
                    return true;
                if (!socket->property("wf.linger").toBool()) {
                    socket->disconnectFromHost();
                    return true;
                }
                socket->flush();
                ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
                QTimer::singleShot(kLingerMs, socket, [socket] { socket->abort(); });
                return true;
            },
            socket);
    socket->setProperty("wf.sequencer", QVariant::fromValue<QObject *>(sequencer));
    return sequencer;
}

void ConnectionSequencer::lingerOnClose(QTcpSocket *socket)
{
    socket->setProperty("wf.linger", true);
}

ConnectionSequencer::ConnectionSequencer(Output output, QObject *parent) : ReplySink(parent), m_output(std::move(output)) { }

quint64 ConnectionSequencer::take()
{
    const quint64 ticket = m_next++;
    m_slots.push_back(Slot{ticket, {}, false, false});
    return ticket;
}

void ConnectionSequencer::complete(quint64 ticket, QByteArray bytes, bool closeAfter)
{
    for (Slot &slot : m_slots) {
        if (slot.ticket == ticket) {
            slot.bytes = std::move(bytes);
            slot.done = true;
            slot.closeAfter = closeAfter;
            break;
        }
    }
    flush();
}

void ConnectionSequencer::flush()
{
    while (!m_slots.empty() && m_slots.front().done) {
        const Slot slot = std::move(m_slots.front());
        m_slots.pop_front();
        if (m_closed || !m_output(slot.bytes, slot.closeAfter))
            continue;
        if (slot.closeAfter) {
            // Nothing after a closing answer is written.
            m_closed = true;
            m_slots.clear();
            return;
        }
    }
}

} // namespace wf::http
