#include "connectionsequencer.h"

#include <QTcpSocket>

namespace wf::http {

ConnectionSequencer *ConnectionSequencer::of(QTcpSocket *socket)
{
    // findChild would walk all children; the socket has few, but a property is O(1).
    auto *existing = socket->property("wf.sequencer").value<QObject *>();
    if (existing)
        return static_cast<ConnectionSequencer *>(existing);
    auto *sequencer = new ConnectionSequencer(socket);
    socket->setProperty("wf.sequencer", QVariant::fromValue<QObject *>(sequencer));
    return sequencer;
}

ConnectionSequencer::ConnectionSequencer(QTcpSocket *socket) : QObject(socket), m_socket(socket) { }

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
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            continue;
        m_socket->write(slot.bytes);
        if (slot.closeAfter) {
            m_socket->disconnectFromHost();
            m_slots.clear();
            return;
        }
    }
}

} // namespace wf::http
