#pragma once

#include "core/result.h"

#include <QString>

namespace wf::app {

// A listening TCP socket with SO_REUSEPORT, so that several event-loop threads (and processes)
// accept on one port and the kernel spreads connections across them. Owns the descriptor until
// release() hands it to a QTcpServer.
class ListeningSocket
{
public:
    static Result<ListeningSocket> open(const QString &host, int port, int backlog = 4096);

    ListeningSocket(ListeningSocket &&other) noexcept;
    ListeningSocket &operator=(ListeningSocket &&other) noexcept;
    ListeningSocket(const ListeningSocket &) = delete;
    ListeningSocket &operator=(const ListeningSocket &) = delete;
    ~ListeningSocket();

    int port() const;
    int release();

private:
    explicit ListeningSocket(int fd) : m_fd(fd) { }
    int m_fd = -1;
};

} // namespace wf::app
