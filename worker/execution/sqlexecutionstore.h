#pragma once

#include "executionstore.h"

namespace wf {

namespace db {
class Database;
}

// ExecutionStore in PostgreSQL: one statement per batch, lease renewals ahead of other writes.
class SqlExecutionStore : public ExecutionStore
{
public:
    // A run claimed more than `maxExecutions` times is ended failed instead of executed again.
    SqlExecutionStore(db::Database &database, QString owner, int leaseSeconds, int maxExecutions);

    const QString &owner() const override { return m_owner; }
    int leaseSeconds() const override { return m_leaseSeconds; }

    void claim(QObject *context, const QStringList &runIds, Callback<ClaimOutcome> done) override;
    void saveSteps(QObject *context, const RunLease &lease, const StepResults &results, Callback<bool> done) override;
    void markStepsRunning(QObject *context, const QList<StepMark> &marks, Callback<QStringList> done) override;
    void saveCancelledSteps(QObject *context, const RunLease &lease, const StepResults &results, Callback<bool> done) override;
    void finish(QObject *context, const QList<RunEnd> &ends, Callback<QList<OutboxMessage>> done) override;
    void renew(QObject *context, const QList<RunLease> &leases, Callback<QList<LostLease>> done) override;
    void release(QObject *context, const QList<RunLease> &leases, Callback<qint64> done) override;
    void sweep(QObject *context, int requeueSeconds, bool expireLeases, bool republishStale, int limit,
               Callback<QList<OutboxMessage>> done) override;
    void deadLetter(QObject *context, const QByteArray &topic, int partition, qint64 offset, const QByteArray &key,
                    const QByteArray &payload, const QString &reason, Callback<OutboxMessage> done) override;

private:
    db::Database &m_database;
    QString m_owner;
    int m_leaseSeconds;
    int m_maxExecutions;
};

} // namespace wf
