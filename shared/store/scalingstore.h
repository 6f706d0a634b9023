#pragma once

#include "scalingtarget.h"

#include "core/callback.h"

#include <QList>
#include <QObject>

namespace wf {

namespace db {
class Database;
}

// scaling_targets and scaling_events: what the console and the admin API ask for, and what the
// replica backends (wf-stack, Kubernetes) report.
class ScalingStore
{
public:
    explicit ScalingStore(db::Database &database);

    void list(QObject *context, Callback<QList<ScalingTarget>> done);
    // New desired count of a component, within its [min, max]; records the event.
    void setDesired(QObject *context, const QString &component, int replicas, const QString &source,
                    const QString &reason, Callback<ScalingTarget> done);
    // Creates or resets a component's row (the backend's start-up), recording the event.
    void define(QObject *context, const ScalingTarget &target, const QString &source, Callback<ScalingTarget> done);
    // Creates a component's row unless it exists (keeps what is there).
    void ensure(QObject *context, const ScalingTarget &target, const QString &source, Callback<Done> done);
    void reportActual(QObject *context, const QString &component, int actual, Callback<Done> done);

private:
    db::Database &m_database;
};

} // namespace wf
