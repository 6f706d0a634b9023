#pragma once

#include "dbjob.h"

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
};

} // namespace wf::db
