#pragma once

#include "core/callback.h"
#include "outbox/outboxmessage.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace wf {

namespace db {
class Database;
}

// A run a worker took over: what it needs to execute it.
struct ClaimedRun
{
    QString runId;
    QString workflowId;
    int workflowVersion = 1;
    QJsonObject payload;
    QJsonObject stepResults; // from an earlier, interrupted execution or a retry
    QJsonArray steps;        // the definition of the version the run was triggered with
    QByteArray traceparent;
    int executionAttempt = 1;
};

// The end of one run, as the worker writes it.
struct RunEnd
{
    QString runId;
    QString status; // success | failed
    std::optional<QString> error;
    QJsonObject stepResults;
};

// What happened to each run id a claim asked for.
struct ClaimOutcome
{
    QList<ClaimedRun> claimed;
    QStringList missing; // no such run: the message was wrong (dead letter)
    QStringList skipped; // terminal, or leased by a live worker: nothing to do
};

// The worker's SQL: leases, step results, terminal states, the sweeper, dead letters. Every
// state change is conditional on the run still being `running` under this worker's lease, so a
// worker that lost its lease (or whose run was cancelled) changes nothing.
class ExecutionStore
{
public:
    ExecutionStore(db::Database &database, QString owner, int leaseSeconds);

    const QString &owner() const { return m_owner; }

    // One statement for many runs: pending ones, and running ones whose lease expired.
    void claim(QObject *context, const QStringList &runIds, Callback<ClaimOutcome> done);
    // Merges step results into the run and renews its lease; false when the run is no longer ours.
    void saveSteps(QObject *context, const QString &runId, const QJsonObject &results, Callback<bool> done);
    // Shows one step as running, unless its stored result is already final (a checkpoint written
    // by another database thread may have overtaken this write).
    void markStepRunning(QObject *context, const QString &runId, const QString &stepName, const QJsonObject &result,
                         Callback<bool> done);
    // The step results of a run the API cancelled while this worker executed it.
    void saveCancelledSteps(QObject *context, const QString &runId, const QJsonObject &results, Callback<bool> done);
    // The terminal states of many runs with their final step results and workflow.completed
    // messages, in one statement; a run no longer ours is left out of the answer.
    void finish(QObject *context, const QList<RunEnd> &ends, Callback<QList<OutboxMessage>> done);
    // Renews the leases of the runs being executed; answers the ones that are no longer ours,
    // with their status ("cancelled", or another worker's "running", …).
    void renew(QObject *context, const QStringList &runIds, Callback<QHash<QString, QString>> done);
    // Gives leases back (shutdown) so that other workers can take the runs at once.
    void release(QObject *context, const QStringList &runIds, Callback<qint64> done);
    // Sets runs with expired leases back to pending and re-publishes them and pending runs that
    // waited longer than `requeueSeconds`; returns the workflow.trigger messages written.
    void sweep(QObject *context, int requeueSeconds, int limit, Callback<QList<OutboxMessage>> done);
    // Records an unusable message and writes it to workflow.dlq.
    void deadLetter(QObject *context, const QByteArray &topic, int partition, qint64 offset, const QByteArray &key,
                    const QByteArray &payload, const QString &reason, Callback<OutboxMessage> done);

private:
    db::Database &m_database;
    QString m_owner;
    int m_leaseSeconds;
};

} // namespace wf
