#pragma once

#include "role.h"

#include <QString>

namespace wf::auth {

// Who a request comes from, once its key checked out.
struct Principal
{
    QString keyId; // "bootstrap" for the configured WF_ADMIN_TOKEN
    QString name;
    Role role = Role::Client;
};

} // namespace wf::auth
