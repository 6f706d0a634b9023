#pragma once

#include "core/callback.h"
#include "engine/runplan.h"
#include "outbox/outboxmessage.h"
#include "workflow/status.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace wf {

// One execution of one run: the run, and which of its executions (execution_attempts when it
// was claimed). Every write of a worker names both, so that neither a worker that lost the lease
// nor an older execution of the same run on this worker can change what a newer one owns.
struct RunLease
{
    QString runId;
    int execution = 1;

    friend bool operator==(const RunLease &a, const RunLease &b)
    {
        return a.runId == b.runId && a.execution == b.execution;
    }
};

// A run a worker took over: what it needs to execute it.
struct ClaimedRun
{
    RunLease lease;
    RunPlan plan; // without limits: the coordinator sets those
};

// The end of one run, as the worker writes it.
struct RunEnd
{
    RunLease lease;
    RunStatus status = RunStatus::Failed; // Success or Failed
    std::optional<QString> error;
    StepResults stepResults;
};

// What happened to each run id a claim asked for.
struct ClaimOutcome
{
    QList<ClaimedRun> claimed;
    QStringList missing; // no such run: the message was wrong (dead letter)
    QStringList skipped; // terminal, or leased by a live worker: nothing to do
    QStringList busy;    // claimable, but another write held the row: to be claimed again
    // Runs that could not be executed and were ended `failed` at once, with their
    // workflow.completed messages: executed too often already, their workflow version is
    // missing, or their stored data cannot be read.
    QStringList failed;
    QList<OutboxMessage> completed;
};

// Why a lease renewal did not renew a run.
struct LostLease
{
    RunLease lease;
    std::optional<RunStatus> status; // the run's status now; nullopt when the run is gone
};

// What a worker reads and writes about the runs it executes (SqlExecutionStore; tests use a
// fake). Every state change is conditional on the run still being `running` under this worker's
// lease and execution, so a worker that lost its lease (or whose run was cancelled) changes
// nothing. Answers come on the thread of `context`, never from inside the call.
// A step that started, to show as running (see ExecutionStore::markStepsRunning).
struct StepMark
{
    RunLease lease;
    StepResult result;
};

class ExecutionStore
{
public:
    virtual ~ExecutionStore() = default;

    virtual const QString &owner() const = 0;
    virtual int leaseSeconds() const = 0;

    // Pending runs, and running ones whose lease expired, leased to this worker.
    virtual void claim(QObject *context, const QStringList &runIds, Callback<ClaimOutcome> done) = 0;
    // Merges step results into the run and renews its lease; false when the run is no longer ours.
    virtual void saveSteps(QObject *context, const RunLease &lease, const StepResults &results, Callback<bool> done) = 0;
    // Shows steps as running, many runs in one statement, each unless its stored result is
    // already final (a checkpoint written by another database thread may have overtaken this
    // write) or its row is busy; answers the runs whose row changed. At most one mark per run.
    virtual void markStepsRunning(QObject *context, const QList<StepMark> &marks, Callback<QStringList> done) = 0;
    // The step results of a run the API cancelled while this worker executed it.
    virtual void saveCancelledSteps(QObject *context, const RunLease &lease, const StepResults &results,
                                    Callback<bool> done) = 0;
    // The terminal states of many runs with their final step results and workflow.completed
    // messages; a run no longer ours is left out of the answer.
    virtual void finish(QObject *context, const QList<RunEnd> &ends, Callback<QList<OutboxMessage>> done) = 0;
    // Renews the leases of the runs being executed, ahead of other queued writes; answers the
    // ones that are no longer ours.
    virtual void renew(QObject *context, const QList<RunLease> &leases, Callback<QList<LostLease>> done) = 0;
    // Gives leases back (shutdown) so that other workers can take the runs at once.
    virtual void release(QObject *context, const QList<RunLease> &leases, Callback<qint64> done) = 0;
    // Sets runs with expired leases back to pending and re-publishes them (when `expireLeases`),
    // and pending runs that waited longer than `requeueSeconds` (when `republishStale`); returns
    // the workflow.trigger messages written.
    virtual void sweep(QObject *context, int requeueSeconds, bool expireLeases, bool republishStale, int limit,
                       Callback<QList<OutboxMessage>> done) = 0;
    // Records an unusable message and writes it to workflow.dlq.
    virtual void deadLetter(QObject *context, const QByteArray &topic, int partition, qint64 offset, const QByteArray &key,
                            const QByteArray &payload, const QString &reason, Callback<OutboxMessage> done) = 0;
};

} // namespace wf
