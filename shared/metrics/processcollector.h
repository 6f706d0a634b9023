#pragma once

#include <prometheus/collectable.h>
#include <prometheus/metric_family.h>

#include <vector>

namespace wf {

// The standard process figures, read from /proc/self when scraped: process_cpu_seconds_total,
// process_resident_memory_bytes, process_open_fds, process_start_time_seconds.
class ProcessCollector : public prometheus::Collectable
{
public:
    ProcessCollector();
    std::vector<prometheus::MetricFamily> Collect() const override;

private:
    double m_startTimeSeconds = 0;
};

} // namespace wf
