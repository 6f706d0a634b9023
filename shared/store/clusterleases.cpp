#include "clusterleases.h"

#include "db/database.h"
#include "db/dbconnection.h"

namespace wf {

ClusterLeases::ClusterLeases(db::Database &database) : m_database(database) { }

void ClusterLeases::acquire(QObject *context, const QString &name, const QString &holder, int seconds, Callback<bool> done)
{
    m_database.writeUrgent(
            context,
            [name, holder, seconds](db::DbConnection &connection) {
                // One statement: the row is locked by whichever of two contenders comes first, and
                // the second sees the first's renewed expiry, so it does not take the lease.
                const db::DbResult result = connection.exec(
                        "INSERT INTO cluster_leases (name, holder, expires_at)"
                        " VALUES ($1, $2, clock_timestamp() + $3 * interval '1 second')"
                        " ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at"
                        "     WHERE cluster_leases.holder = EXCLUDED.holder OR cluster_leases.expires_at < clock_timestamp()"
                        " RETURNING holder",
                        {name, holder, seconds});
                return result.rows() == 1;
            },
            std::move(done));
}

void ClusterLeases::release(QObject *context, const QString &name, const QString &holder, Callback<Done> done)
{
    m_database.writeUrgent(
            context,
            [name, holder](db::DbConnection &connection) {
                connection.exec("DELETE FROM cluster_leases WHERE name = $1 AND holder = $2", {name, holder});
                return Done{};
            },
            std::move(done));
}

} // namespace wf
