#pragma once

#include "replysink.h"

#include <deque>
#include <functional>

class QTcpSocket;

namespace wf::http {

// Keeps the responses of one connection in request order. Requests are answered when their work
// is done, which for pipelined requests can be out of order; each request takes a ticket on
// arrival and its bytes are held until all earlier tickets are written. For a socket it is a
// child of the socket (of()), so it dies with the connection and pending answers are dropped.
class ConnectionSequencer : public ReplySink
{
public:
    // Writes bytes out; `close` ends the connection after them. False when the connection is no
    // longer there (the bytes are dropped).
    using Output = std::function<bool(const QByteArray &bytes, bool close)>;

    // The socket's sequencer, created on first use.
    static ConnectionSequencer *of(QTcpSocket *socket);
    // Makes the socket's closing answer a lingering close: the answer is written and the sending
    // side shut, then what the client still sends is read and dropped until it closes too, or
    // kLingerMs pass. A client still uploading a refused body then reads the answer instead of
    // a reset connection.
    static void lingerOnClose(QTcpSocket *socket);
    static constexpr int kLingerMs = 2000;

    explicit ConnectionSequencer(Output output, QObject *parent = nullptr);

    quint64 take() override;
    void complete(quint64 ticket, QByteArray bytes, bool closeAfter) override;
    // Tickets taken and not yet written.
    int pending() const { return int(m_slots.size()); }

private:
    void flush();

    struct Slot
    {
        quint64 ticket;
        QByteArray bytes;
        bool done = false;
        bool closeAfter = false;
    };

    Output m_output;
    std::deque<Slot> m_slots;
    quint64 m_next = 0;
    bool m_closed = false;
};

} // namespace wf::http
