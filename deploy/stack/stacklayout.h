#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace wf::stack {

struct StackOptions;

// Where a local stack keeps what: the state directory (the owner's alone: state file, logs,
// operator key, database password, Redis) and the folders of services that run under their own
// accounts, outside it when root runs the stack (see ServiceDir).
class StackLayout
{
public:
    explicit StackLayout(const StackOptions &options);

    // Locates the service folders, moving those an earlier version kept in the state directory,
    // and sets the state directory's mode (0700; 0711 while one could not be moved).
    Status prepare();
    // Deletes everything the stack keeps: the service folders and the state directory.
    Status purge() const;

    QString postgresDir() const { return m_postgres; }
    QString pgbouncerDir() const { return m_pgbouncer; }
    QString nginxBuffersDir() const { return m_nginxBuffers; }
    // The database password (pgpass format, 0600): PGPASSFILE of the stack and its replicas.
    QString passwordFile() const;

private:
    QStringList serviceDirs() const { return {m_postgres, m_pgbouncer, m_nginxBuffers}; }

    QString m_stateDir;
    QString m_statePath;
    QString m_logDir;
    QString m_postgresHome;
    QString m_postgres;
    QString m_pgbouncer;
    QString m_nginxBuffers;
};

} // namespace wf::stack
