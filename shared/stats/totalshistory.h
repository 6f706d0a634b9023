#pragma once

#include "instancesnapshot.h"

#include "metrics/metrictotals.h"

#include <deque>

namespace wf {

// The readings of this process's counters over the last minute (one per second), so that it can
// publish what happened in each window rather than totals its readers would have to difference.
class TotalsHistory
{
public:
    explicit TotalsHistory(int keepSeconds = 60);

    void record(qint64 atMs, MetricTotals totals);
    // What happened from the newest reading back to the one `seconds` earlier (or the oldest
    // there is). The route latencies are kept only when `withRoutes`.
    InstanceWindow window(int seconds, bool withRoutes) const;
    bool isEmpty() const { return m_readings.empty(); }

private:
    struct Reading
    {
        qint64 atMs;
        MetricTotals totals;
    };
    int m_keepSeconds;
    std::deque<Reading> m_readings;
};

} // namespace wf
