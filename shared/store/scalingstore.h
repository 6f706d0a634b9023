#pragma once

#include "scalingevent.h"
#include "scalingtarget.h"

#include "core/callback.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

#include <optional>

namespace wf {

namespace db {
class Database;
}

// What one call changes about a component; unset fields stay as they are.
struct ScalingChange
{
    std::optional<int> replicas;
    std::optional<bool> autoscale;
    std::optional<int> min;
    std::optional<int> max;
    // The autoscaler's guard: change only while autoscaling is on and the desired count is still
    // the one it decided from (an operator's change in between wins), else a conflict.
    std::optional<int> expectedDesired;
    QString source;
    QString reason;
    QString rule;
    QJsonObject inputs;
};

// scaling_targets and scaling_events: what the console, the admin API and the autoscaler ask
// for, and what the replica backends (wf-stack, Kubernetes) report.
class ScalingStore
{
public:
    static constexpr int MaxReplicas = 10000;

    explicit ScalingStore(db::Database &database);

    void list(QObject *context, Callback<QList<ScalingTarget>> done);
    // Applies `change` (a desired count within [min, max], the autoscale switch, new bounds, which
    // clamp the desired count) and records it as an event.
    void change(QObject *context, const QString &component, const ScalingChange &change, Callback<ScalingTarget> done);
    // New desired count of a component, within its [min, max]; records the event.
    void setDesired(QObject *context, const QString &component, int replicas, const QString &source,
                    const QString &reason, Callback<ScalingTarget> done);
    // An autoscaler decision it did not carry out (bounds, cool-down), for the event list.
    void recordDecision(QObject *context, const ScalingEvent &decision, Callback<Done> done);
    // The newest events first, of one component or (empty) all; at most `limit`.
    void events(QObject *context, const QString &component, int limit, Callback<QList<ScalingEvent>> done);
    // Creates or resets a component's row (the backend's start-up), recording the event.
    void define(QObject *context, const ScalingTarget &target, const QString &source, Callback<ScalingTarget> done);
    // Creates a component's row unless it exists (keeps what is there).
    void ensure(QObject *context, const ScalingTarget &target, const QString &source, Callback<Done> done);
    void reportActual(QObject *context, const QString &component, int actual, Callback<Done> done);

private:
    db::Database &m_database;
};

} // namespace wf
