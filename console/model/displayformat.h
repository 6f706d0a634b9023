#pragma once

#include <QString>

namespace wf::console {

// How the run views write the API's times and durations, the same in every table.

// An RFC 3339 time of the API in local time with milliseconds, "–" for none.
QString formatTimestamp(const QString &rfc3339);
// Milliseconds with the precision that matters at their size: 0.05 ms, 12.3 ms, 845 ms, 2.41 s.
QString formatDurationMs(double ms);
// The milliseconds between two RFC 3339 times; negative when either is missing.
double millisecondsBetween(const QString &fromRfc3339, const QString &toRfc3339);

} // namespace wf::console
