#pragma once

#include "circuitbreaker.h"
#include "databaseurl.h"
#include "dbjob.h"
#include "dbjobqueue.h"

#include "core/result.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <condition_variable>
#include <memory>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

namespace wf::db {

class DbConnection;
class DbWorker;

// The asynchronous database of one process: a pool of database threads, each with its own
// connection. Callers on any thread submit work and get the outcome back on the thread of a
// context object they name, so no event loop ever blocks on PostgreSQL.
//
//   db.write(this, [id](DbConnection &c) { return c.exec("…", {id}).rows(); },
//            [](Result<int> rows) { … });
//
// Work runs on a database thread. It returns a value; or a Result whose error the caller gets
// while the transaction still commits (use it for outcomes like "not found" decided before
// writing anything); or throws wf::Error to roll its transaction back. Writes that queue up
// together share one transaction; one that throws is replayed alone, so a throw costs the others
// a second round and is meant for the unexpected.
class Database
{
    // Work may return T or Result<T>; either way the caller gets a Result<T>.
    template<typename T>
    struct ResultValue
    {
        using type = T;
    };
    template<typename T>
    struct ResultValue<Result<T>>
    {
        using type = T;
    };

public:
    Database(DatabaseUrl url, int connections, int maxBatch);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    template<typename Work, typename Done>
    void read(QObject *context, Work &&work, Done &&done)
    {
        submit(DbJob::Mode::Read, context, std::forward<Work>(work), std::forward<Done>(done));
    }

    template<typename Work, typename Done>
    void write(QObject *context, Work &&work, Done &&done)
    {
        submit(DbJob::Mode::Write, context, std::forward<Work>(work), std::forward<Done>(done));
    }

    // A write that goes before all waiting jobs but other urgent ones (lease renewals).
    template<typename Work, typename Done>
    void writeUrgent(QObject *context, Work &&work, Done &&done)
    {
        submit(DbJob::Mode::Write, context, std::forward<Work>(work), std::forward<Done>(done), true);
    }

    // A job built by hand, for work whose outcome goes to several callers (a batch): its
    // `deliver` decides where each result goes.
    void enqueue(DbJob job) { push(std::move(job)); }

    // Bounds what a hung database costs a caller (the API sets it; WF_DATABASE_TIMEOUT_MS): a job
    // not started within `deadline` is answered "unavailable" and never runs, a caller of read()
    // or write() waiting longer for one that did start is answered so too (a write may then still
    // commit: the outcome is unknown, as with any timeout), and after three such failures in a
    // row the circuit opens: for two seconds jobs are refused at once instead of queued. Urgent
    // jobs are exempt. 0 (the default): no deadline, no circuit.
    void setDeadline(std::chrono::milliseconds deadline);
    std::chrono::milliseconds deadline() const { return m_deadline; }
    const CircuitBreaker &breaker() const { return m_breaker; }
    // For callers that queue work of their own before it becomes a job (the trigger batcher):
    // the answer to give now while the circuit is open, and a deadline they enforced themselves.
    std::optional<Error> refusal();
    void noteTimeout() { m_breaker.failed(); }
    // The answer to a caller whose deadline passed.
    static Error timedOut(std::chrono::milliseconds deadline);

    // Jobs waiting for a database thread (a saturation signal for health and metrics).
    int queueDepth() const { return m_queue.depth(); }
    const DatabaseUrl &url() const { return m_url; }
    qint64 jobsDone() const { return m_queue.jobsDone.load(); }
    qint64 transactions() const { return m_queue.transactions.load(); }
    qint64 replays() const { return m_queue.replays.load(); }
    // Fails all waiting jobs and stops the threads; called by the destructor.
    void shutdown();

private:
    // Through the circuit (when there is a deadline) into the queue; outcomes teach the breaker.
    void push(DbJob job);
    void watch();

    template<typename Work, typename Done>
    void submit(DbJob::Mode mode, QObject *context, Work &&work, Done &&done, bool urgent = false)
    {
        using Returned = std::decay_t<std::invoke_result_t<Work &, DbConnection &>>;
        using Value = typename ResultValue<Returned>::type;
        auto outcome = std::make_shared<std::optional<Result<Value>>>();
        auto callback = std::make_shared<std::decay_t<Done>>(std::forward<Done>(done));
        DbJob job;
        job.mode = mode;
        job.urgent = urgent;
        job.execute = [outcome, work = std::forward<Work>(work)](DbConnection &connection) mutable {
            outcome->emplace(work(connection));
        };
        job.fail = [outcome](const Error &error) { outcome->emplace(error); };
        // With a deadline, the caller is answered by then at the latest (a job that started on a
        // hung connection cannot be interrupted); whichever answer comes first counts.
        auto answered = std::make_shared<bool>(false);
        job.deliver = [outcome, callback, answered, target = QPointer<QObject>(context)] {
            if (!target)
                return;
            QMetaObject::invokeMethod(
                    target.data(),
                    [outcome, callback, answered] {
                        if (!std::exchange(*answered, true))
                            (*callback)(std::move(**outcome));
                    },
                    Qt::QueuedConnection);
        };
        if (m_deadline.count() > 0 && !urgent && context && context->thread() == QThread::currentThread()) {
            QTimer::singleShot(m_deadline + std::chrono::milliseconds(100), context,
                               [callback, answered, deadline = m_deadline, breaker = &m_breaker] {
                                   if (std::exchange(*answered, true))
                                       return;
                                   breaker->failed();
                                   (*callback)(timedOut(deadline));
                               });
        }
        push(std::move(job));
    }

    DatabaseUrl m_url;
    DbJobQueue m_queue;
    std::vector<std::unique_ptr<DbWorker>> m_workers;
    std::chrono::milliseconds m_deadline{0};
    CircuitBreaker m_breaker;
    std::thread m_watchdog;
    std::mutex m_watchMutex;
    std::condition_variable m_watchWake;
    bool m_stopping = false;
};

} // namespace wf::db
