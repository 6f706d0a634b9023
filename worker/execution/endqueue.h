#pragma once

#include "executionstore.h"

#include "core/batcher.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace wf {

// Writes the terminal states of finished runs, many per statement. A write that fails is tried
// again, first in line, until the run's lease deadline has passed (after that another worker may
// have the run, and it is left to the lease) -- or, while the database cannot be reached (so
// nobody can have taken the run), for outageMs beyond it: the fenced write itself then tells
// whether the run is still ours. Every end is answered once through `done`:
// written (this worker ended the run, its workflow.completed message is in `completed`), not
// written because the run was no longer ours, or abandoned.
class EndQueue : public QObject
{
public:
    enum class Fate { Written, NotOurs, Abandoned };
    struct Options
    {
        int batch = 200;
        int delayMs = 2;
        int retryMs = 500;
        int outageMs = 0;
    };
    // The deadline of an end's lease, on the clock `now` counts with; 0 when it is not known.
    using Deadline = std::function<qint64(const RunLease &)>;
    using Now = std::function<qint64()>;
    using Done = std::function<void(const RunEnd &end, Fate fate)>;
    using Written = std::function<void(const QList<OutboxMessage> &completed)>;

    EndQueue(ExecutionStore &store, Options options, Deadline deadline, Now now, Done done, Written written,
             QObject *parent = nullptr);

    void add(RunEnd end);
    int waiting() const { return int(m_batcher.waiting().size()); }
    bool idle() const { return m_batcher.idle(); }

private:
    void write(QList<RunEnd> batch);

    ExecutionStore &m_store;
    Deadline m_deadline;
    Now m_now;
    Done m_done;
    Written m_written;
    int m_outageMs;
    QHash<QString, int> m_failures; // by run id: failed writes other than an unreachable database
    Batcher<RunEnd> m_batcher;
};

} // namespace wf
