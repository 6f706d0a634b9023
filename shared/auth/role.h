#pragma once

#include <QString>

#include <optional>

namespace wf::auth {

// What a key may do. An operator may do everything a client may.
enum class Role { Client, Operator };

QString roleName(Role role);
std::optional<Role> parseRole(const QString &name);
// True when a caller with `held` may use a route that needs `needed`.
bool grants(Role held, Role needed);

} // namespace wf::auth
