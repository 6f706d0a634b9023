#pragma once

#include <QJsonObject>
#include <QString>

namespace wf {

// One row of scaling_events: a change of a desired count (by the API, the console, the stack or
// the autoscaler), or a decision of the autoscaler it did not carry out and why.
struct ScalingEvent
{
    qint64 id = 0;
    QString component;
    int from = -1; // -1: none (the component's first count)
    int to = 0;
    QString source; // api, autoscaler, stack, …
    QString reason;
    QString rule;   // autoscaler: lag_high, lag_low, cpu_high, cpu_low, p99_high
    QJsonObject inputs;
    bool acted = true;
    qint64 createdAtMicros = 0;

    // {"id","component","from","to","source","reason","rule","inputs","acted","created_at"}
    QJsonObject toJson() const;
};

} // namespace wf
