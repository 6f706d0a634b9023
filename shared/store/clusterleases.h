#pragma once

#include "core/callback.h"

#include <QObject>
#include <QString>

namespace wf {

namespace db {
class Database;
}

// cluster_leases: which process does a cluster-wide job (the monitor that records the stats
// history and runs the autoscaler) until when. Whoever holds a lease renews it; anybody takes
// it over once it expired, so exactly one holder acts however many replicas ask.
class ClusterLeases
{
public:
    explicit ClusterLeases(db::Database &database);

    // Takes or renews `name` for `holder` for `seconds`; true when `holder` has it now.
    void acquire(QObject *context, const QString &name, const QString &holder, int seconds, Callback<bool> done);
    // Gives it up if `holder` has it (a draining replica hands over at once).
    void release(QObject *context, const QString &name, const QString &holder, Callback<Done> done);

private:
    db::Database &m_database;
};

} // namespace wf
