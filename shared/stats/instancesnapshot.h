#pragma once

#include "metrics/metrictotals.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace wf {

// What one process did during the last `seconds` (or since it started, `spanMs`).
struct InstanceWindow
{
    int seconds = 0;
    qint64 spanMs = 0;
    MetricTotals totals; // its route latencies only in the longest window

    double cpuPercent() const;
};

// One process as it reports itself every second to the cluster view: who it is, how busy it
// is, and its counters over the last 1, 10 and 60 seconds.
struct InstanceSnapshot
{
    static constexpr int WindowSeconds[] = {1, 10, 60};
    // What fromJson reads a figure within (another process wrote it, perhaps corrupt): times up
    // to the year 9999, requests or runs in flight up to 2^20 (a thousand instances add up to an
    // int), every other figure up to LatencyHistogram::MaxCount.
    static constexpr double MaxTimeMs = 253402300799999.0;
    static constexpr int MaxInFlight = 1 << 20;

    QString id;
    QString component; // server, worker
    QString host;
    qint64 pid = 0;
    qint64 startedAtMs = 0;
    qint64 atMs = 0;         // when it was taken (the heartbeat)
    double rssBytes = 0;
    qint64 openFds = -1;
    int inFlight = 0;        // requests (server) or runs (worker) being worked on
    bool draining = false;
    QList<InstanceWindow> windows;

    // The window of `seconds`, or null.
    const InstanceWindow *window(int seconds) const;

    QJsonObject toJson() const;
    // Nullopt without an id, a component or a heartbeat (at_ms) between 1970 and 9999.
    static std::optional<InstanceSnapshot> fromJson(const QJsonObject &object);
};

} // namespace wf
