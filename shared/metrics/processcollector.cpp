#include "processcollector.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <unistd.h>

namespace wf {

namespace {

prometheus::MetricFamily family(const char *name, const char *help, prometheus::MetricType type, double value)
{
    prometheus::MetricFamily metricFamily;
    metricFamily.name = name;
    metricFamily.help = help;
    metricFamily.type = type;
    prometheus::ClientMetric metric;
    if (type == prometheus::MetricType::Counter)
        metric.counter.value = value;
    else
        metric.gauge.value = value;
    metricFamily.metric.push_back(metric);
    return metricFamily;
}

QByteArray readProc(const char *path)
{
    QFile file(QString::fromLatin1(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

ProcessCollector::ProcessCollector() : m_startTimeSeconds(double(QDateTime::currentMSecsSinceEpoch()) / 1000.0) { }

std::vector<prometheus::MetricFamily> ProcessCollector::Collect() const
{
    std::vector<prometheus::MetricFamily> families;
    // /proc/self/stat: utime and stime are fields 14 and 15, counted after the ")" of the name.
    const QByteArray stat = readProc("/proc/self/stat");
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(::sysconf(_SC_CLK_TCK));
    if (fields.size() > 13 && ticks > 0) {
        const double cpu = (fields.at(11).toDouble() + fields.at(12).toDouble()) / ticks;
        families.push_back(family("process_cpu_seconds_total", "User and system CPU time spent, in seconds.",
                                  prometheus::MetricType::Counter, cpu));
    }
    for (const QByteArray &line : readProc("/proc/self/status").split('\n')) {
        if (line.startsWith("VmRSS:")) {
            const double bytes = line.mid(6).trimmed().split(' ').value(0).toDouble() * 1024;
            families.push_back(family("process_resident_memory_bytes", "Resident memory size in bytes.",
                                      prometheus::MetricType::Gauge, bytes));
        }
    }
    const qsizetype fds = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size();
    families.push_back(family("process_open_fds", "Open file descriptors.", prometheus::MetricType::Gauge, double(fds)));
    families.push_back(family("process_start_time_seconds", "Start time of the process since the Unix epoch, in seconds.",
                              prometheus::MetricType::Gauge, m_startTimeSeconds));
    return families;
}

} // namespace wf
