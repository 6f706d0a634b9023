#include "listeningsocket.h"

#include <QHostAddress>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wf::app {

Result<ListeningSocket> ListeningSocket::open(const QString &host, int port, int backlog)
{
    QHostAddress address;
    if (!address.setAddress(host) || address.protocol() != QAbstractSocket::IPv4Protocol)
        return Error::invalid(u"listen address must be an IPv4 address, got \"%1\""_s.arg(host));
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return Error::unavailable(u"socket(): "_s + QString::fromLocal8Bit(std::strerror(errno)));
    ListeningSocket socket(fd);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    sin.sin_port = htons(quint16(port));
    sin.sin_addr.s_addr = htonl(address.toIPv4Address());
    if (::bind(fd, reinterpret_cast<sockaddr *>(&sin), sizeof sin) != 0)
        return Error::unavailable(u"cannot listen on %1:%2: %3"_s.arg(host).arg(port).arg(QString::fromLocal8Bit(std::strerror(errno))));
    if (::listen(fd, backlog) != 0)
        return Error::unavailable(u"listen(): "_s + QString::fromLocal8Bit(std::strerror(errno)));
    return socket;
}

ListeningSocket::ListeningSocket(ListeningSocket &&other) noexcept : m_fd(other.m_fd)
{
    other.m_fd = -1;
}

ListeningSocket &ListeningSocket::operator=(ListeningSocket &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = other.m_fd;
        other.m_fd = -1;
    }
    return *this;
}

ListeningSocket::~ListeningSocket()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

int ListeningSocket::port() const
{
    sockaddr_in sin{};
    socklen_t length = sizeof sin;
    if (::getsockname(m_fd, reinterpret_cast<sockaddr *>(&sin), &length) != 0)
        return -1;
    return ntohs(sin.sin_port);
}

int ListeningSocket::release()
{
    const int fd = m_fd;
    m_fd = -1;
    return fd;
}

} // namespace wf::app
