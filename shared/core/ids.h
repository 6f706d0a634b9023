#pragma once

#include <QString>

namespace wf::ids {

// A new id: 32 lowercase hex characters (a random uuid4 without dashes), as the seed uses.
QString create();

// The canonical form of an id a client sent, or an empty string when it is not one. Accepts the
// dashed uuid form and upper case, since clients copy ids from other tools.
QString normalize(const QString &candidate);

} // namespace wf::ids
