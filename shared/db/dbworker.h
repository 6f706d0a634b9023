#pragma once

#include "databaseurl.h"
#include "dbjob.h"

#include <QElapsedTimer>
#include <QThread>

#include <memory>

namespace wf::db {

class DbConnection;
class DbJobQueue;

// A database thread: owns one connection, takes batches of jobs from the shared queue and runs
// each batch that writes in one transaction (group commit). A failed batch is rolled back and
// replayed job by job, so one bad job fails alone.
class DbWorker : public QThread
{
public:
    DbWorker(DbJobQueue &queue, DatabaseUrl url, int index, int maxBatch);
    ~DbWorker() override;

protected:
    void run() override;

private:
    void runBatch(std::vector<DbJob> &batch);
    void runShared(std::vector<DbJob> &batch);
    void replayAlone(std::vector<DbJob> &batch);
    void runAlone(DbJob &job);
    // Fails `job` at once when the database is known to be unreachable or the job waited too
    // long; true when it did.
    bool refuse(DbJob &job);

    DbJobQueue &m_queue;
    DatabaseUrl m_url;
    int m_index;
    int m_maxBatch;
    std::unique_ptr<DbConnection> m_connection;
    // The last failed connection attempt: for a second after it, jobs fail at once instead of
    // each waiting for its own connect timeout.
    QElapsedTimer m_connectFailed;
    QString m_connectError;
};

} // namespace wf::db
