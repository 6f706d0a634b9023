#pragma once

#include "engine/egresspolicy.h"

#include "executionstore.h"

#include "core/batcher.h"

#include "engine/runplan.h"
#include "kafka/kafkamessage.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

namespace wf {

class ChangeSink;
class ClaimQueue;
class DeadLetters;
class EndQueue;
class HttpClientPool;
class LeaseKeeper;
class RunEventLog;
class RunExecution;
class StepRegistry;
struct RunOutcome;
namespace kafka {
class KafkaConsumer;
}

// Turns workflow.trigger messages into executed runs, many at once in one thread, from parts
// that each own one concern: the ClaimQueue leases runs, the LeaseKeeper keeps the leases, the
// EndQueue writes terminal states, DeadLetters records unusable messages. A message is
// acknowledged (its offset may be committed) as soon as what it asks for is durable. Each run
// executes under its lease; every step result is saved (retried until the lease's deadline)
// before the next step starts; a run whose lease this worker lost, or that was cancelled, stops.
// Every callback names the execution it belongs to, so a late answer for an execution that
// ended never acts on a newer execution of the same run.
class RunCoordinator : public QObject
{
public:
    struct Options
    {
        int concurrency = 1000;
        // Messages received beyond `concurrency` that wait here for a free slot; consumption
        // pauses when this many wait and resumes at half. They keep the next runs at hand while
        // the consumer fetches again after a pause (librdkafka 2.0: up to a second later).
        // 0: max(concurrency, 64).
        int prefetch = 0;
        int claimBatch = 200;
        int claimDelayMs = 2;
        int endBatch = 200;
        int endDelayMs = 2;
        int saveRetryMs = 500;
        int renewIntervalMs = 0; // 0: a third of the lease
        // While the database cannot be reached, saves go on this long past the lease's deadline:
        // nobody can take the run meanwhile, and the fenced write tells whether it is still ours.
        int outageMs = 60000;
        RunLimits limits;
        // Where the runs' timelines go (claimed, steps, lease lost, finished); null: nowhere.
        RunEventLog *events = nullptr;
        // Where webhook steps may connect (WF_WEBHOOK_ALLOW beyond public addresses).
        EgressPolicy egress;
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

    // Every committed change (claims that ended runs, ends, dead letters) goes to `changes`.
    RunCoordinator(ExecutionStore &store, const StepRegistry &steps, ChangeSink &changes, kafka::KafkaConsumer &consumer,
                   Options options, QObject *parent = nullptr);
    ~RunCoordinator() override;

    void handle(const kafka::KafkaMessage &message);
    // Stops taking work, lets running runs finish for up to `timeoutMs`, hands back the leases of
    // the rest, then calls `done`.
    void drain(int timeoutMs, std::function<void()> done);

    int active() const { return int(m_active.size()); }
    // Messages received and waiting for a free slot (not claimed yet).
    int waiting() const { return int(m_inbox.size()); }
    const Counters &counters() const { return m_counters; }

private:
    struct Received
    {
        QString runId;
        kafka::KafkaMessage message;
    };
    struct Active
    {
        QPointer<RunExecution> execution;
        RunLease lease;
        QString traceId;
    };

    void record(const QString &runId, const QString &kind, const QString &traceId, QJsonObject detail);
    static QJsonObject stepDetail(const StepResult &result, int execution);

    void start(const ClaimedRun &run);
    // The active entry of `lease`'s execution, or null when that execution is over.
    const Active *current(const RunLease &lease) const;
    void onStepStarted(const RunLease &lease, const StepResult &result);
    void markRunning(QList<StepMark> marks);
    // `failures`: earlier attempts that failed with an error other than an unreachable database.
    void save(const RunLease &lease, const StepResults &changed, int failures = 0);
    void onFinished(const RunLease &lease, const RunOutcome &outcome);
    void onEnded(const RunEnd &end, int fate);
    void onLeaseLost(const LostLease &lost);
    void acknowledge(const kafka::KafkaMessage &message);
    // True when `runId` runs here under a lease that holds.
    bool runsHere(const QString &runId) const;
    // Moves received messages to the claims while slots are free, then pauses or resumes
    // consumption by how many still wait.
    void updateBackPressure();
    void forget(const RunLease &lease);
    void finishDrainIfIdle();

    ExecutionStore &m_store;
    const StepRegistry &m_steps;
    ChangeSink &m_changes;
    kafka::KafkaConsumer &m_consumer;
    Options m_options;
    HttpClientPool *m_http = nullptr;
    LeaseKeeper *m_leases = nullptr;
    ClaimQueue *m_claims = nullptr;
    EndQueue *m_ends = nullptr;
    DeadLetters *m_deadLetters = nullptr;
    QHash<QString, Active> m_active; // by run id
    QList<Received> m_inbox;          // in the order received
    std::unique_ptr<Batcher<StepMark>> m_running; // steps that started, shown as running many at a time
    Counters m_counters;
    bool m_claimsStalled = false;
    bool m_draining = false;
    bool m_releasing = false;
    std::function<void()> m_drained;
};

} // namespace wf
