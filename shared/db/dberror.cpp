#include "dberror.h"

namespace wf::db {

bool DbError::transient() const
{
    if (m_connectionLost)
        return true;
    // 08: connection exception, 40001/40P01: serialization failure/deadlock, 57P0x: server
    // shutting down, 53300: too many connections.
    return m_sqlState.startsWith("08") || m_sqlState == "40001" || m_sqlState == "40P01"
            || m_sqlState.startsWith("57P0") || m_sqlState == "53300";
}

} // namespace wf::db
