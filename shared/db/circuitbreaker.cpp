#include "circuitbreaker.h"

namespace wf::db {

CircuitBreaker::CircuitBreaker(int threshold, std::chrono::milliseconds openFor) : m_threshold(threshold), m_openFor(openFor) { }

bool CircuitBreaker::allows(Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    if (m_openUntil == Clock::time_point{})
        return true;
    if (now < m_openUntil)
        return false;
    m_halfOpen = true; // the period is over: the next outcomes decide
    return true;
}

void CircuitBreaker::succeeded()
{
    std::lock_guard lock(m_mutex);
    m_failures = 0;
    m_openUntil = {};
    m_halfOpen = false;
}

void CircuitBreaker::failed(Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    ++m_failures;
    if (m_halfOpen || m_failures >= m_threshold) {
        // Only a closed breaker or a finished period opens anew: failures of work sent before
        // it opened do not extend the period.
        if (m_openUntil == Clock::time_point{} || now >= m_openUntil)
            m_openUntil = now + m_openFor;
        m_halfOpen = false;
    }
}

CircuitBreaker::State CircuitBreaker::state(Clock::time_point now) const
{
    std::lock_guard lock(m_mutex);
    if (m_openUntil == Clock::time_point{})
        return State::Closed;
    return now < m_openUntil ? State::Open : State::HalfOpen;
}

std::chrono::milliseconds CircuitBreaker::remaining(Clock::time_point now) const
{
    std::lock_guard lock(m_mutex);
    if (m_openUntil == Clock::time_point{} || now >= m_openUntil)
        return std::chrono::milliseconds(0);
    return std::chrono::duration_cast<std::chrono::milliseconds>(m_openUntil - now);
}

int CircuitBreaker::failures() const
{
    std::lock_guard lock(m_mutex);
    return m_failures;
}

} // namespace wf::db
