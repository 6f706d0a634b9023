#pragma once

#include <QtGlobal>

namespace wf {

// This process's own figures from /proc/self: CPU time, resident memory, open descriptors
// (negative where /proc did not tell).
struct ProcessFigures
{
    double cpuSeconds = -1;
    double residentBytes = -1;
    qint64 openFds = -1;

    static ProcessFigures read();
};

} // namespace wf
