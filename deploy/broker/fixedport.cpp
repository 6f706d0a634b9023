#include "fixedport.h"

#include <atomic>
#include <cstring>
#include <dlfcn.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace {

std::atomic<int> g_fixedPort{0};

using BindFunction = int (*)(int, const sockaddr *, socklen_t);

BindFunction realBind()
{
    static const BindFunction real = reinterpret_cast<BindFunction>(dlsym(RTLD_NEXT, "bind"));
    return real;
}

} // namespace

namespace wf::broker {

void armFixedPort(int port)
{
    g_fixedPort = port;
}

void disarmFixedPort()
{
    g_fixedPort = 0;
}

} // namespace wf::broker

// Defined in the executable, this bind() takes precedence over libc's for librdkafka's calls.
extern "C" int bind(int fd, const sockaddr *address, socklen_t length)
{
    const int port = g_fixedPort.load();
    if (port > 0 && address && address->sa_family == AF_INET && length >= socklen_t(sizeof(sockaddr_in))) {
        sockaddr_in moved;
        std::memcpy(&moved, address, sizeof moved);
        if (moved.sin_port == 0 && moved.sin_addr.s_addr == htonl(INADDR_LOOPBACK)) {
            g_fixedPort = 0; // one listener only
            moved.sin_port = htons(static_cast<uint16_t>(port));
            const int one = 1;
            ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            return realBind()(fd, reinterpret_cast<const sockaddr *>(&moved), sizeof moved);
        }
    }
    return realBind()(fd, address, length);
}
