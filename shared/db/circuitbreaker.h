#pragma once

#include <chrono>
#include <mutex>

namespace wf::db {

// Stops sending work to a dependency that keeps failing: after `threshold` failures in a row it
// opens for `openFor` (callers are answered at once instead of queueing behind a hung
// database); then it lets work through again, and the first outcome decides: a success closes
// it, a failure opens it for another period. Thread-safe.
class CircuitBreaker
{
public:
    using Clock = std::chrono::steady_clock;
    enum class State { Closed, Open, HalfOpen };

    explicit CircuitBreaker(int threshold = 3, std::chrono::milliseconds openFor = std::chrono::milliseconds(2000));

    // False while open; the caller answers "unavailable" without trying.
    bool allows(Clock::time_point now = Clock::now());
    void succeeded();
    void failed(Clock::time_point now = Clock::now());
    State state(Clock::time_point now = Clock::now()) const;
    // How long it stays open from `now` (0 when not open).
    std::chrono::milliseconds remaining(Clock::time_point now = Clock::now()) const;
    int failures() const;

private:
    mutable std::mutex m_mutex;
    int m_threshold;
    std::chrono::milliseconds m_openFor;
    int m_failures = 0;
    Clock::time_point m_openUntil{};
    bool m_halfOpen = false;
};

} // namespace wf::db
