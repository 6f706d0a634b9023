#include "processcollector.h"

#include "processfigures.h"

#include <QDateTime>

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

} // namespace

ProcessCollector::ProcessCollector() : m_startTimeSeconds(double(QDateTime::currentMSecsSinceEpoch()) / 1000.0) { }

std::vector<prometheus::MetricFamily> ProcessCollector::Collect() const
{
    std::vector<prometheus::MetricFamily> families;
    const ProcessFigures figures = ProcessFigures::read();
    if (figures.cpuSeconds >= 0)
        families.push_back(family("process_cpu_seconds_total", "User and system CPU time spent, in seconds.",
                                  prometheus::MetricType::Counter, figures.cpuSeconds));
    if (figures.residentBytes >= 0)
        families.push_back(family("process_resident_memory_bytes", "Resident memory size in bytes.",
                                  prometheus::MetricType::Gauge, figures.residentBytes));
    if (figures.openFds >= 0)
        families.push_back(family("process_open_fds", "Open file descriptors.", prometheus::MetricType::Gauge,
                                  double(figures.openFds)));
    families.push_back(family("process_start_time_seconds", "Start time of the process since the Unix epoch, in seconds.",
                              prometheus::MetricType::Gauge, m_startTimeSeconds));
    return families;
}

} // namespace wf
