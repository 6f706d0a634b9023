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

void Database::shutdown()
{
    m_queue.close();
    for (auto &worker : m_workers)
        worker->wait();
    m_workers.clear();
}

} // namespace wf::db
