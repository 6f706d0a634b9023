#pragma once

#include <QJsonObject>
#include <QString>

namespace wf {

// The replica count wanted and running for one component ("server", "worker").
struct ScalingTarget
{
    QString component;
    int desired = 0;
    int actual = 0;
    int min = 0;
    int max = 0;
    bool autoscale = false;
    qint64 updatedAtMicros = 0; // when `desired` last changed
    QString updatedBy;

    // {"desired","actual","min","max","autoscale","updated_at","updated_by"}
    QJsonObject toJson() const;
};

} // namespace wf
