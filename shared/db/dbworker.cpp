#include "dbworker.h"

#include "metrics/metrics.h"

#include <chrono>

#include "dbconnection.h"
#include "dberror.h"
#include "dbjobqueue.h"

#include "core/logging.h"

using namespace Qt::StringLiterals;

namespace wf::db {

namespace {

constexpr int kAttempts = 3;
constexpr int kDownMs = 1000;
constexpr auto kMaxWait = std::chrono::seconds(30);

Error toError(const DbError &error)
{
    if (error.transient())
        return Error::unavailable(u"database unavailable: "_s + error.message());
    // Class 22 (data exception), e.g. a string jsonb cannot store: the client's input.
    if (error.sqlState().startsWith("22"))
        return Error::invalid(u"value rejected by the database: "_s + error.message());
    if (error.sqlState().startsWith("23"))
        return Error::conflict(u"conflicts with existing data: "_s + error.message());
    qCCritical(lcDb) << "unexpected database error" << error.sqlState() << error.message();
    return Error::internal(u"unexpected database error"_s);
}

} // namespace

DbWorker::DbWorker(DbJobQueue &queue, DatabaseUrl url, int index, int maxBatch)
    : m_queue(queue), m_url(std::move(url)), m_index(index), m_maxBatch(maxBatch)
{
    setObjectName(u"wf-db-%1"_s.arg(index));
}

DbWorker::~DbWorker()
{
    wait();
}

void DbWorker::run()
{
    // The connection is created here so that it belongs to this thread.
    m_connection = std::make_unique<DbConnection>(m_url, objectName());
    try {
        m_connection->ensureOpen();
    } catch (const DbError &error) {
        qCWarning(lcDb) << objectName() << "not connected yet:" << error.message();
    }
    for (;;) {
        std::vector<DbJob> batch = m_queue.take(m_maxBatch);
        if (batch.empty())
            break;
        runBatch(batch);
    }
    m_connection.reset();
}

void DbWorker::runBatch(std::vector<DbJob> &batch)
{
    const auto now = std::chrono::steady_clock::now();
    for (const DbJob &job : batch)
        if (job.enqueued != std::chrono::steady_clock::time_point{})
            Metrics::instance().databaseQueueWait(std::chrono::duration<double>(now - job.enqueued).count());
    // Reads run on their own (autocommit): a read that fails must not roll back others' writes.
    std::vector<DbJob> writes;
    for (DbJob &job : batch) {
        if (job.mode == DbJob::Mode::Read)
            runAlone(job);
        else
            writes.push_back(std::move(job));
    }
    if (writes.size() <= 1) {
        for (DbJob &job : writes)
            runAlone(job);
        return;
    }
    runShared(writes);
}

void DbWorker::runShared(std::vector<DbJob> &batch)
{
    // Jobs that cannot run now are answered first; the rest share the transaction.
    batch.erase(std::remove_if(batch.begin(), batch.end(), [this](DbJob &job) { return refuse(job); }), batch.end());
    if (batch.size() <= 1) {
        for (DbJob &job : batch)
            runAlone(job);
        return;
    }
    bool committing = false;
    const auto started = std::chrono::steady_clock::now();
    try {
        m_connection->begin();
        for (DbJob &job : batch)
            job.execute(*m_connection);
        committing = true;
        m_connection->commit();
        ++m_queue.transactions;
        Metrics::instance().databaseTransaction("batch", std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    } catch (const DbError &error) {
        m_connection->rollback();
        if (error.sqlState() == "08001") {
            m_connectFailed.start();
            m_connectError = error.message();
        }
        if (committing && error.connectionLost()) {
            // The server may or may not have committed: replaying could do the work twice.
            for (DbJob &job : batch) {
                job.fail(Error::unavailable(u"database connection lost while committing"_s));
                job.deliver();
            }
            return;
        }
        replayAlone(batch);
        return;
    } catch (...) {
        // One job failed: nothing of the batch is committed, so each job runs again on its
        // own and only the culprit fails.
        m_connection->rollback();
        replayAlone(batch);
        return;
    }
    m_queue.jobsDone += qint64(batch.size());
    for (DbJob &job : batch)
        job.deliver();
}

void DbWorker::replayAlone(std::vector<DbJob> &batch)
{
    ++m_queue.replays;
    for (DbJob &job : batch)
        runAlone(job);
}

bool DbWorker::refuse(DbJob &job)
{
    Error refusal = Error::unavailable({});
    const auto now = std::chrono::steady_clock::now();
    if (job.deadline != std::chrono::steady_clock::time_point{} && now > job.deadline)
        refusal = Error::unavailable(u"database unavailable: no answer within the request's deadline"_s);
    else if (now - job.enqueued > kMaxWait)
        refusal = Error::unavailable(u"database unavailable: the request waited more than 30 s for a connection"_s);
    else if (!m_connection->isOpen() && m_connectFailed.isValid() && m_connectFailed.elapsed() < kDownMs)
        refusal = Error::unavailable(u"database unavailable: "_s + m_connectError);
    else
        return false;
    job.fail(refusal);
    ++m_queue.jobsDone;
    job.deliver();
    return true;
}

void DbWorker::runAlone(DbJob &job)
{
    if (refuse(job))
        return;
    const bool transaction = job.mode == DbJob::Mode::Write;
    for (int attempt = 1;; ++attempt) {
        bool committing = false;
        const auto started = std::chrono::steady_clock::now();
        try {
            if (transaction)
                m_connection->begin();
            job.execute(*m_connection);
            if (transaction) {
                committing = true;
                m_connection->commit();
                ++m_queue.transactions;
            }
            Metrics::instance().databaseTransaction(transaction ? "write" : "read",
                                                    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
            break;
        } catch (const DbError &error) {
            m_connection->rollback();
            if (error.sqlState() == "08001") {
                m_connectFailed.start();
                m_connectError = error.message();
            }
            // A connection lost during COMMIT leaves the outcome unknown: do not run it twice; and
            // no use retrying a connection that just failed.
            const bool retry = error.transient() && attempt < kAttempts && !(committing && error.connectionLost())
                    && error.sqlState() != "08001";
            if (!retry) {
                job.fail(toError(error));
                break;
            }
            qCInfo(lcDb) << objectName() << "retrying after" << error.message();
            QThread::msleep(attempt * 100);
        } catch (const Error &error) {
            m_connection->rollback();
            job.fail(error);
            break;
        } catch (const std::exception &error) {
            m_connection->rollback();
            qCCritical(lcDb) << "job threw" << error.what();
            job.fail(Error::internal(u"unexpected error"_s));
            break;
        }
    }
    ++m_queue.jobsDone;
    job.deliver();
}

} // namespace wf::db
