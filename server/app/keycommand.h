#pragma once

#include "core/settings.h"

#include <QStringList>

namespace wf::app {

// `wf-server keys create|list|revoke`: API keys from the command line, straight on the database
// (WF_DATABASE_URL), for the first operator key of a deployment and for scripts.
//   keys create --name ci --role client    prints the key alone on stdout (shown this once)
//   keys list [--json]                     every key, without secrets
//   keys revoke <id>
// Returns the exit status: 0 done, 1 failed, 2 wrong usage.
struct KeyCommand
{
    QStringList arguments; // after "keys"
    QString name;
    QString role;
    bool json = false;

    int run(const Settings &settings, int databaseWaitSeconds) const;
};

} // namespace wf::app
