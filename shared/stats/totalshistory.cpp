#include "totalshistory.h"

namespace wf {

TotalsHistory::TotalsHistory(int keepSeconds) : m_keepSeconds(keepSeconds) { }

void TotalsHistory::record(qint64 atMs, MetricTotals totals)
{
    m_readings.push_back({atMs, std::move(totals)});
    // One reading older than the longest window stays, as that window's starting point.
    while (m_readings.size() > 2 && m_readings[1].atMs <= atMs - qint64(m_keepSeconds) * 1000)
        m_readings.pop_front();
}

InstanceWindow TotalsHistory::window(int seconds, bool withRoutes) const
{
    InstanceWindow result;
    result.seconds = seconds;
    if (m_readings.empty())
        return result;
    const Reading &newest = m_readings.back();
    // The newest reading at least `seconds` old (allowing the timer 100 ms of jitter), else the oldest.
    const qint64 start = newest.atMs - qint64(seconds) * 1000 + 100;
    const Reading *from = &m_readings.front();
    for (auto it = m_readings.rbegin(); it != m_readings.rend(); ++it) {
        if (it->atMs <= start) {
            from = &*it;
            break;
        }
    }
    result.spanMs = newest.atMs - from->atMs;
    result.totals = newest.totals.minus(from->totals);
    if (!withRoutes)
        result.totals.routes.clear();
    return result;
}

} // namespace wf
