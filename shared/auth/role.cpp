#include "role.h"

using namespace Qt::StringLiterals;

namespace wf::auth {

QString roleName(Role role)
{
    return role == Role::Operator ? u"operator"_s : u"client"_s;
}

std::optional<Role> parseRole(const QString &name)
{
    if (name == u"client"_s)
        return Role::Client;
    if (name == u"operator"_s)
        return Role::Operator;
    return std::nullopt;
}

bool grants(Role held, Role needed)
{
    return held == Role::Operator || needed == Role::Client;
}

} // namespace wf::auth
