#include "portcheck.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTcpServer>

#include <dirent.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wf::stack {

namespace {

// "socket:[12345]" -> 12345, else 0.
quint64 socketInode(const QString &fdPath)
{
    char target[64];
    const ssize_t length = ::readlink(QFile::encodeName(fdPath).constData(), target, sizeof target - 1);
    if (length <= 0)
        return 0;
    target[length] = '\0';
    const QByteArray link(target, length);
    if (!link.startsWith("socket:[") || !link.endsWith(']'))
        return 0;
    return link.mid(8, link.size() - 9).toULongLong();
}

bool holdsOneOf(qint64 pid, const QSet<quint64> &inodes)
{
    // The entries are links to "socket:[inode]", which QDir's filters treat as broken links.
    const QString dir = u"/proc/%1/fd"_s.arg(pid);
    DIR *handle = ::opendir(QFile::encodeName(dir).constData());
    if (!handle)
        return false;
    bool found = false;
    while (const dirent *entry = ::readdir(handle)) {
        if (entry->d_name[0] == '.')
            continue;
        if (const quint64 inode = socketInode(dir + u'/' + QString::fromLatin1(entry->d_name)); inode && inodes.contains(inode)) {
            found = true;
            break;
        }
    }
    ::closedir(handle);
    return found;
}

} // namespace

bool PortCheck::canListen(const QString &host, int port, QString *why)
{
    QHostAddress address(host);
    if (address.isNull())
        address = QHostAddress(QHostAddress::AnyIPv4);
    QTcpServer probe;
    if (probe.listen(address, quint16(port))) {
        probe.close();
        return true;
    }
    if (why) {
        const QString holders = describe(listeners(port));
        *why = holders.isEmpty() ? probe.errorString() : u"the port is held by "_s + holders;
    }
    return false;
}

QSet<quint64> PortCheck::listeningInodes(int port)
{
    QSet<quint64> inodes;
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(table));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine(); // header
        while (!file.atEnd()) {
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            const QList<QByteArray> fields = file.readLine().simplified().split(' ');
            if (fields.size() < 10 || fields.at(3) != "0A") // 0A: LISTEN
                continue;
            const QByteArray &local = fields.at(1);
            bool ok = false;
            const int localPort = local.mid(local.lastIndexOf(':') + 1).toInt(&ok, 16);
            if (ok && localPort == port)
                inodes.insert(fields.at(9).toULongLong());
        }
    }
    return inodes;
}

QList<qint64> PortCheck::listeners(int port, const QList<qint64> &candidates)
{
    const QSet<quint64> inodes = listeningInodes(port);
    QList<qint64> out;
    if (inodes.isEmpty())
        return out;
    QList<qint64> pids = candidates;
    if (pids.isEmpty()) {
        const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &entry : entries) {
            bool numeric = false;
            const qint64 pid = entry.toLongLong(&numeric);
            if (numeric)
                pids.append(pid);
        }
    }
    for (qint64 pid : std::as_const(pids)) {
        if (pid > 0 && holdsOneOf(pid, inodes))
            out.append(pid);
    }
    return out;
}

QString PortCheck::describe(const QList<qint64> &pids)
{
    QStringList parts;
    for (qint64 pid : pids) {
        QFile comm(u"/proc/%1/comm"_s.arg(pid));
        const QString name = comm.open(QIODevice::ReadOnly) ? QString::fromUtf8(comm.readAll()).trimmed() : QString();
        parts << (name.isEmpty() ? QString::number(pid) : u"%1 (%2)"_s.arg(pid).arg(name));
    }
    if (parts.isEmpty())
        return {};
    return (parts.size() == 1 ? u"pid "_s : u"pids "_s) + parts.join(u", "_s);
}

} // namespace wf::stack
