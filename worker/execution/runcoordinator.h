#pragma once

#include "executionstore.h"

#include "kafka/kafkamessage.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>

class QTimer;

namespace wf {

class Cache;
class HttpClientPool;
class OutboxPublisher;
class RunExecution;
class StepRegistry;
struct RunOutcome;
struct StepResult;
namespace kafka {
class KafkaConsumer;
}

// Turns workflow.trigger messages into executed runs, many at once in one thread. A message is
// acknowledged (its offset may be committed) as soon as what it asks for is durable: the run is
// leased to this worker, or it needs nothing (already finished, leased by a live worker), or it
// went to the dead-letter queue. Each run then executes under a lease renewed every third of its
// length; every step result is saved before the next step starts; the terminal state is written
// with its workflow.completed message. A run whose lease this worker lost, or that was cancelled,
// stops.
class RunCoordinator : public QObject
{
public:
    struct Options
    {
        int concurrency = 1000;
        int leaseSeconds = 15;
        int claimBatch = 200;
        int claimDelayMs = 2;
        int endBatch = 200;
        int endDelayMs = 2;
    };

    struct Counters
    {
        std::atomic<qint64> claimed{0};
        std::atomic<qint64> succeeded{0};
        std::atomic<qint64> failed{0};
        std::atomic<qint64> cancelled{0};
        std::atomic<qint64> deadLettered{0};
        std::atomic<qint64> duplicates{0};
    };

    RunCoordinator(ExecutionStore &store, const StepRegistry &steps, OutboxPublisher *publisher, kafka::KafkaConsumer &consumer, Cache *cache,
                   Options options, QObject *parent = nullptr);
    ~RunCoordinator() override;

    void handle(const kafka::KafkaMessage &message);
    // Stops taking work, lets running runs finish for up to `timeoutMs`, hands back the leases of
    // the rest, then calls `done`.
    void drain(int timeoutMs, std::function<void()> done);

    int active() const { return int(m_active.size()); }
    const Counters &counters() const { return m_counters; }

private:
    struct Waiting
    {
        QString runId;
        kafka::KafkaMessage message;
    };

    void flushClaims();
    void start(const ClaimedRun &run);
    void onCheckpoint(const QString &runId, const QJsonObject &allResults, int attempt);
    void onFinished(const QString &runId, const RunOutcome &outcome);
    void flushEnds(int attempt = 1);
    void renewLeases();
    void deadLetter(const kafka::KafkaMessage &message, const QString &reason, int attempt = 1);
    void acknowledge(const kafka::KafkaMessage &message);
    // Cached copies of these runs are stale now (every change of a run, not only its status).
    void invalidate(const QStringList &runIds);
    void updateBackPressure();
    void forget(const QString &runId);
    void finishDrainIfIdle();

    ExecutionStore &m_store;
    const StepRegistry &m_steps;
    OutboxPublisher *m_publisher;
    kafka::KafkaConsumer &m_consumer;
    Cache *m_cache;
    Options m_options;
    HttpClientPool *m_http = nullptr;
    QTimer *m_claimTimer = nullptr;
    QTimer *m_endTimer = nullptr;
    QList<RunEnd> m_ends;               // finished runs whose terminal state is being batched
    bool m_ending = false;
    QTimer *m_renewTimer = nullptr;
    QList<Waiting> m_waiting;          // messages whose runs are about to be claimed
    bool m_claiming = false;
    QHash<QString, QPointer<RunExecution>> m_active;
    Counters m_counters;
    bool m_draining = false;
    std::function<void()> m_drained;
};

} // namespace wf
