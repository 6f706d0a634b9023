#pragma once

#include "dbjob.h"

#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace wf::db {

// The queue the database threads share: callers on any thread push, database threads take
// everything waiting (up to a batch) at once.
class DbJobQueue
{
public:
    void push(DbJob job);
    // Jobs pushed from now on must start within `deadline` (0: no bound but the 30 s one).
    void setDeadline(std::chrono::milliseconds deadline) { m_deadline.store(deadline.count()); }
    // Removes and returns the waiting jobs whose deadline has passed.
    std::vector<DbJob> takeExpired(std::chrono::steady_clock::time_point now);
    // Blocks until jobs are waiting or the queue is closed; empty result means closed.
    std::vector<DbJob> take(int maxBatch);
    // Wakes all takers; jobs still waiting are failed as "shutting down".
    void close();
    bool closed() const { return m_closed.load(); }
    int depth() const;

    // Counters for metrics and tests: jobs finished, transactions committed, batches that failed
    // and were replayed job by job.
    std::atomic<qint64> jobsDone{0};
    std::atomic<qint64> transactions{0};
    std::atomic<qint64> replays{0};

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<DbJob> m_jobs;
    std::atomic<bool> m_closed{false};
    std::atomic<qint64> m_deadline{0};
};

} // namespace wf::db
