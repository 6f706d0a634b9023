#include "dbjobqueue.h"

using namespace Qt::StringLiterals;

namespace wf::db {

void DbJobQueue::push(DbJob job)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_closed) {
            job.enqueued = std::chrono::steady_clock::now();
            if (const qint64 deadline = m_deadline.load(); deadline > 0 && job.deadline == std::chrono::steady_clock::time_point{})
                job.deadline = job.enqueued + std::chrono::milliseconds(deadline);
            if (job.urgent) {
                // Behind the urgent ones already waiting, before everything else.
                auto at = m_jobs.begin();
                while (at != m_jobs.end() && at->urgent)
                    ++at;
                m_jobs.insert(at, std::move(job));
            } else {
                m_jobs.push_back(std::move(job));
            }
            m_wake.notify_one();
            return;
        }
    }
    job.fail(Error::unavailable(u"the database pool is shutting down"_s));
    job.deliver();
}

std::vector<DbJob> DbJobQueue::take(int maxBatch)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return !m_jobs.empty() || m_closed; });
    std::vector<DbJob> batch;
    if (m_closed)
        return batch;
    const size_t count = std::min(m_jobs.size(), size_t(maxBatch));
    batch.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        batch.push_back(std::move(m_jobs.front()));
        m_jobs.pop_front();
    }
    // Others may be waiting for what is left.
    if (!m_jobs.empty())
        m_wake.notify_one();
    return batch;
}

std::vector<DbJob> DbJobQueue::takeExpired(std::chrono::steady_clock::time_point now)
{
    std::vector<DbJob> expired;
    std::lock_guard lock(m_mutex);
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        if (it->deadline != std::chrono::steady_clock::time_point{} && it->deadline <= now) {
            expired.push_back(std::move(*it));
            it = m_jobs.erase(it);
        } else {
            ++it;
        }
    }
    return expired;
}

void DbJobQueue::close()
{
    std::deque<DbJob> orphans;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        orphans.swap(m_jobs);
        m_wake.notify_all();
    }
    for (DbJob &job : orphans) {
        job.fail(Error::unavailable(u"the database pool is shutting down"_s));
        job.deliver();
    }
}

int DbJobQueue::depth() const
{
    std::lock_guard lock(m_mutex);
    return int(m_jobs.size());
}

} // namespace wf::db
