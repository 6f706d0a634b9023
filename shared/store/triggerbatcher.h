#pragma once

#include "triggerrequest.h"

#include "core/callback.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>

namespace wf {

namespace db {
class Database;
}

// Triggers without an Idempotency-Key from every API thread, written many per statement: the
// first one queues a database job, and the job takes every trigger that arrived until it ran,
// inserting their runs and outbox messages with one INSERT … SELECT FROM unnest(…). Each caller
// gets its own outcome on its own thread. (PostgreSQL manages a few thousand small write
// transactions per second here; rows per statement are nearly free.)
class TriggerBatcher
{
public:
    explicit TriggerBatcher(db::Database &database);

    static constexpr int kMaxBatch = 500;
    static constexpr qint64 kMaxBatchBytes = 8 << 20; // of payloads, as compact JSON

    // `workflowId` must already be a well-formed id.
    void add(QObject *context, const QString &workflowId, const TriggerRequest &request, Callback<TriggerOutcome> done);

    // How many of the waiting triggers, weighing `bytes` each, the next statement takes: at most
    // maxItems and maxBytes together, but always at least one.
    static qsizetype nextBatch(const QList<qint64> &bytes, int maxItems = kMaxBatch, qint64 maxBytes = kMaxBatchBytes);

private:
    struct Pending
    {
        QPointer<QObject> context;
        QString runId;
        QString workflowId;
        QJsonObject payload;
        QByteArray traceparent;
        qint64 bytes = 0;
        Callback<TriggerOutcome> done;
        std::optional<Result<TriggerOutcome>> outcome;
        // Set on the caller's thread by whichever answer comes first: the batch's, or the
        // database's deadline (a batch stuck on a hung connection).
        std::shared_ptr<bool> answered;
    };

    void submit();

    db::Database &m_database;
    QMutex m_mutex;
    QList<Pending> m_pending;
    bool m_queued = false;
};

} // namespace wf
