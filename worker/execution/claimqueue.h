#pragma once

#include "executionstore.h"

#include "core/batcher.h"
#include "kafka/kafkamessage.h"

#include <QObject>

#include <functional>

namespace wf {

// Turns workflow.trigger messages into leases, many runs per statement. Each message ends in
// exactly one of: its run was claimed (claimed()), it needs nothing (already finished, leased by a
// live worker, or ended failed at the claim because it cannot be executed: acknowledge()), or its
// run does not exist (missing()). A claim that fails is tried again, first in line, after a pause;
// stalled() says whether claims are failing, for back-pressure.
class ClaimQueue : public QObject
{
public:
    struct Options
    {
        int batch = 200;
        int delayMs = 2;
        int retryMs = 1000;
    };
    struct Handlers
    {
        std::function<void(const ClaimedRun &run)> claimed;
        std::function<void(const kafka::KafkaMessage &message)> acknowledge;
        std::function<void(const kafka::KafkaMessage &message, const QString &reason)> missing;
        // Runs ended failed at the claim, with their workflow.completed messages.
        std::function<void(const QStringList &runIds, const QList<OutboxMessage> &completed)> endedAtClaim;
        std::function<void(bool stalled)> stalled;
        // A claim's answer was handled in full (busy() may have changed).
        std::function<void()> settled;
    };

    ClaimQueue(ExecutionStore &store, Options options, Handlers handlers, QObject *parent = nullptr);

    void add(const QString &runId, const kafka::KafkaMessage &message);
    // Messages waiting for a claim, forgotten (not acknowledged: they are redelivered elsewhere).
    void dropWaiting();
    int waiting() const { return int(m_batcher.waiting().size()); }
    // Messages waiting or in a claim that has not answered yet.
    int pending() const { return waiting() + m_writing; }
    bool busy() const { return m_batcher.inFlight() > 0; }
    qint64 claimed() const { return m_claimed; }

private:
    struct Waiting
    {
        QString runId;
        kafka::KafkaMessage message;
    };

    void write(QList<Waiting> batch);

    ExecutionStore &m_store;
    Handlers m_handlers;
    Batcher<Waiting> m_batcher;
    qint64 m_claimed = 0;
    int m_writing = 0;
    bool m_stalled = false;
};

} // namespace wf
