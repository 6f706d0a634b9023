#pragma once

#include "core/error.h"

#include <chrono>
#include <functional>

namespace wf::db {

class DbConnection;

// One unit of database work queued on the pool. `execute` runs on a database thread (inside a
// transaction for writes) and may throw DbError or wf::Error; it can run more than once when a
// shared transaction has to be replayed job by job, so it must only touch the database and its
// own result slot. Exactly one of: `execute` succeeded and was committed, or `fail` was called;
// then `deliver` hands the outcome back to the caller's thread.
struct DbJob
{
    enum class Mode { Read, Write };

    Mode mode = Mode::Write;
    std::function<void(DbConnection &)> execute;
    std::function<void(const Error &)> fail;
    std::function<void()> deliver;
    // Goes before every job that is not urgent: a lease renewal must not wait behind bulk writes.
    bool urgent = false;
    // Set by the queue; a job that waited too long is answered "unavailable" instead of run.
    std::chrono::steady_clock::time_point enqueued{};
    // Set by the queue when the pool has a deadline: not started by then, the job is answered
    // "unavailable" and never runs (its caller has been told it failed).
    std::chrono::steady_clock::time_point deadline{};
};

} // namespace wf::db
