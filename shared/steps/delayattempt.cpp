#include "delayattempt.h"

#include <algorithm>
#include <limits>

namespace wf {

DelayAttempt::DelayAttempt(qint64 milliseconds, QJsonValue output, QObject *parent)
    : StepAttempt(parent), m_output(std::move(output))
{
    m_timer.setSingleShot(true);
    // Coarse timers may fire 5 % early; a delay promises at least its duration.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { finish(m_output); });
    m_timer.start(int(std::clamp<qint64>(milliseconds, 0, std::numeric_limits<int>::max())));
}

void DelayAttempt::stopWork()
{
    m_timer.stop();
}

} // namespace wf
