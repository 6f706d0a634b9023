#include "processfigures.h"

#include <QDir>
#include <QFile>

#include <unistd.h>

namespace wf {

namespace {

QByteArray readProc(const char *path)
{
    QFile file(QString::fromLatin1(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

ProcessFigures ProcessFigures::read()
{
    ProcessFigures figures;
    // /proc/self/stat: utime and stime are fields 14 and 15, counted after the ")" of the name.
    const QByteArray stat = readProc("/proc/self/stat");
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(::sysconf(_SC_CLK_TCK));
    if (fields.size() > 13 && ticks > 0)
        figures.cpuSeconds = (fields.at(11).toDouble() + fields.at(12).toDouble()) / ticks;
    for (const QByteArray &line : readProc("/proc/self/status").split('\n')) {
        if (line.startsWith("VmRSS:"))
            figures.residentBytes = line.mid(6).trimmed().split(' ').value(0).toDouble() * 1024;
    }
    QDir fds(QStringLiteral("/proc/self/fd"));
    if (fds.exists())
        figures.openFds = fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size();
    return figures;
}

} // namespace wf
