#pragma once

#include <QtGlobal>

namespace wf {

// When the outbox relay sweeps next. A full batch means a backlog: go on at once, while the
// broker takes it. Publishes that failed since the last sweep mean the broker does not: wait,
// twice as long each time up to maxMs, instead of claiming more rows for a producer that cannot
// deliver them. Otherwise the regular interval.
class RelayPace
{
public:
    RelayPace(int intervalMs, int maxMs) : m_intervalMs(intervalMs), m_maxMs(maxMs) { }

    // After a sweep that claimed `claimed` rows of at most `batch`, with the publisher's failure
    // count now `failedSoFar`: the delay before the next sweep.
    int next(int claimed, int batch, qint64 failedSoFar)
    {
        const bool failing = failedSoFar > m_failedSeen;
        m_failedSeen = failedSoFar;
        if (failing) {
            m_backoffMs = m_backoffMs == 0 ? m_intervalMs : qMin(m_backoffMs * 2, m_maxMs);
            return m_backoffMs;
        }
        m_backoffMs = 0;
        return claimed >= batch ? 0 : m_intervalMs;
    }

    int backoffMs() const { return m_backoffMs; }

private:
    int m_intervalMs;
    int m_maxMs;
    int m_backoffMs = 0;
    qint64 m_failedSeen = 0;
};

} // namespace wf
