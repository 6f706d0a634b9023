#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace wf::console {

// One entry of GET /api/v1/admin/scaling/events: a change of a desired count, bound or switch,
// or an autoscaler decision (carried out or not), with why.
struct ScalingEvent
{
    qint64 id = 0;
    QDateTime at;
    QString component;
    QString source; // api, autoscaler, stack
    QString rule;   // lag_high, cpu_low, … (autoscaler only)
    int from = -1;  // -1: none (the first record)
    int to = -1;
    bool acted = true;
    QString reason;
    QJsonObject inputs;

    static QList<ScalingEvent> listFromJson(const QJsonObject &answer);
};

} // namespace wf::console
