#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace wf::stack {

// Who listens on a TCP port, read from /proc: so that the stack refuses to start a component
// whose port another program holds (and names that program), and can tell that the listener
// on its HTTP port is its own nginx and not whatever else answers there.
class PortCheck
{
public:
    // Whether `host:port` can be listened on now (a bind and listen, released at once). When
    // not, `why` says by whom the port is held ("held by pid 1234 (python3)") or the error.
    static bool canListen(const QString &host, int port, QString *why);
    // Inodes of the sockets listening on `port` (any address, IPv4 and IPv6), this network
    // namespace.
    static QSet<quint64> listeningInodes(int port);
    // The processes holding a socket listening on `port`: among `candidates`, or all processes
    // when `candidates` is empty (whose descriptors this user may read).
    static QList<qint64> listeners(int port, const QList<qint64> &candidates = {});
    // "pid 1234 (python3)", "pids 1234 (python3), 1240 (nc)"; empty for no pid.
    static QString describe(const QList<qint64> &pids);
};

} // namespace wf::stack
