#include "database.h"

#include "dbworker.h"

namespace wf::db {

Database::Database(DatabaseUrl url, int connections, int maxBatch) : m_url(std::move(url))
{
    for (int i = 0; i < connections; ++i) {
        m_workers.push_back(std::make_unique<DbWorker>(m_queue, m_url, i, maxBatch));
        m_workers.back()->start();
    }
}

Database::~Database()
{
    shutdown();
}

void Database::setDeadline(std::chrono::milliseconds deadline)
{
    m_deadline = deadline;
    m_queue.setDeadline(deadline);
    if (deadline.count() > 0 && !m_watchdog.joinable())
        m_watchdog = std::thread([this] { watch(); });
}

Error Database::timedOut(std::chrono::milliseconds deadline)
{
    return Error::unavailable(QStringLiteral("database unavailable: no answer within %1 ms").arg(deadline.count()));
}

std::optional<Error> Database::refusal()
{
    if (m_deadline.count() == 0 || m_breaker.allows())
        return std::nullopt;
    return Error::unavailable(QStringLiteral("database unavailable: %1 requests in a row failed or timed out;"
                                             " trying again in %2 ms")
                                      .arg(m_breaker.failures())
                                      .arg(m_breaker.remaining().count()));
}

void Database::push(DbJob job)
{
    if (m_deadline.count() == 0 || job.urgent) {
        m_queue.push(std::move(job));
        return;
    }
    if (const std::optional<Error> refused = refusal()) {
        job.fail(*refused);
        job.deliver();
        return;
    }
    auto failed = std::make_shared<bool>(false);
    job.fail = [fail = std::move(job.fail), failed, breaker = &m_breaker](const Error &error) {
        *failed = true;
        if (error.kind() == Error::Kind::Unavailable)
            breaker->failed();
        fail(error);
    };
    job.deliver = [deliver = std::move(job.deliver), failed, breaker = &m_breaker] {
        if (!*failed)
            breaker->succeeded();
        deliver();
    };
    m_queue.push(std::move(job));
}

void Database::watch()
{
    std::unique_lock lock(m_watchMutex);
    while (!m_stopping) {
        m_watchWake.wait_for(lock, std::chrono::milliseconds(50));
        if (m_stopping)
            break;
        lock.unlock();
        for (DbJob &job : m_queue.takeExpired(std::chrono::steady_clock::now())) {
            job.fail(timedOut(m_deadline));
            ++m_queue.jobsDone;
            job.deliver();
        }
        lock.lock();
    }
}

void Database::shutdown()
{
    {
        std::lock_guard lock(m_watchMutex);
        m_stopping = true;
        m_watchWake.notify_all();
    }
    if (m_watchdog.joinable())
        m_watchdog.join();
    m_queue.close();
    for (auto &worker : m_workers)
        worker->wait();
    m_workers.clear();
}

} // namespace wf::db
