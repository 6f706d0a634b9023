#include "thresholds.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace wf::console {

Level Thresholds::levelOf(const QString &figure, double value) const
{
    if (std::isnan(value))
        return Level::Unknown;
    double limit = 0;
    if (figure == u"cpu"_s)
        limit = cpuHighPercent;
    else if (figure == u"lag"_s)
        limit = lagHigh;
    else if (figure == u"p99"_s)
        limit = p99HighMs;
    else if (figure == u"error"_s)
        limit = errorPercent;
    else
        return Level::Unknown;
    if (value > limit)
        return Level::Critical;
    if (value > limit / 2)
        return Level::Warning;
    return Level::Good;
}

} // namespace wf::console
