#pragma once

#include <QString>

namespace wf::console {

// How a figure stands against the seed's scaling table (scaling-strategy.md: CPU > 70 % / < 30 %,
// Kafka lag > 1000 / < 100, p99 > 2000 ms, error rate > 5 %).
enum class Level { Unknown, Good, Warning, Critical };

struct Thresholds
{
    double cpuHighPercent = 70;
    double lagHigh = 1000;
    double p99HighMs = 2000;
    double errorPercent = 5;
    int belowDesiredSeconds = 30; // a component short of its desired count for this long alerts

    // The tile colour of a figure: Critical past its threshold, Warning past half of it, else
    // Good; Unknown for NaN. `figure` is one of "cpu", "lag", "p99", "error".
    Level levelOf(const QString &figure, double value) const;
};

} // namespace wf::console
