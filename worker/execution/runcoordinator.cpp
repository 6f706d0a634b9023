#include "runcoordinator.h"

#include "store/runeventlog.h"

#include "claimqueue.h"
#include "deadletters.h"
#include "endqueue.h"
#include "leasekeeper.h"

#include "core/logging.h"
#include "engine/httpclientpool.h"
#include "engine/runexecution.h"
#include "engine/runoutcome.h"
#include "kafka/kafkaconsumer.h"
#include "metrics/metrics.h"
#include "outbox/triggermessage.h"
#include "store/changesink.h"

#include <QScopeGuard>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace wf {

RunCoordinator::RunCoordinator(ExecutionStore &store, const StepRegistry &steps, ChangeSink &changes,
                               kafka::KafkaConsumer &consumer, Options options, QObject *parent)
    : QObject(parent), m_store(store), m_steps(steps), m_changes(changes), m_consumer(consumer), m_options(options)
{
    m_http = new HttpClientPool(m_options.egress, 8, this);
    m_leases = new LeaseKeeper(store, [this](const LostLease &lost) { onLeaseLost(lost); }, this);
    m_leases->start(m_options.renewIntervalMs);

    ClaimQueue::Handlers handlers;
    handlers.claimed = [this](const ClaimedRun &run) { start(run); };
    handlers.acknowledge = [this](const kafka::KafkaMessage &message) { acknowledge(message); };
    handlers.missing = [this](const kafka::KafkaMessage &message, const QString &reason) {
        m_deadLetters->record(message, reason);
    };
    handlers.endedAtClaim = [this](const QStringList &runIds, const QList<OutboxMessage> &completed) {
        m_counters.failed += completed.size();
        for (qsizetype i = 0; i < completed.size(); ++i)
            Metrics::instance().runFinished(statusName(RunStatus::Failed));
        for (const QString &runId : runIds)
            record(runId, u"finished"_s, {}, {{u"status"_s, statusName(RunStatus::Failed)}, {u"at_claim"_s, true}});
        m_changes.committed({runIds, {}, completed});
    };
    handlers.settled = [this] {
        // Claims that only acknowledged (runs finished elsewhere) change the load too.
        updateBackPressure();
        finishDrainIfIdle();
    };
    handlers.stalled = [this](bool stalled) {
        m_claimsStalled = stalled;
        updateBackPressure();
    };
    m_claims = new ClaimQueue(store, {m_options.claimBatch, m_options.claimDelayMs, 1000}, std::move(handlers), this);
    m_running = std::make_unique<Batcher<StepMark>>(Batcher<StepMark>::Options{m_options.endBatch, 0, m_options.endDelayMs, 1, 0},
                                                    [this](QList<StepMark> marks) { markRunning(std::move(marks)); });

    m_ends = new EndQueue(
            store, {m_options.endBatch, m_options.endDelayMs, m_options.saveRetryMs, m_options.outageMs},
            [this](const RunLease &lease) { return m_leases->deadline(lease); }, [this] { return m_leases->elapsed(); },
            [this](const RunEnd &end, EndQueue::Fate fate) { onEnded(end, int(fate)); },
            [this](const QList<OutboxMessage> &completed) {
                QStringList runIds;
                for (const OutboxMessage &message : completed)
                    runIds.append(QString::fromLatin1(message.key));
                m_changes.committed({runIds, {}, completed});
            },
            this);

    m_deadLetters = new DeadLetters(
            store, changes,
            [this](const kafka::KafkaMessage &message) {
                ++m_counters.deadLettered;
                acknowledge(message);
            },
            this);
}

RunCoordinator::~RunCoordinator() = default;

void RunCoordinator::handle(const kafka::KafkaMessage &message)
{
    const Result<TriggerMessage> decoded = TriggerMessage::decode(message.value);
    if (!decoded) {
        m_deadLetters->record(message, decoded.error().detail());
        return;
    }
    const QString &runId = decoded->runId;
    if (m_draining)
        return; // not acknowledged: another worker gets it after the rebalance
    if (runsHere(runId)) {
        // Delivered again while it runs here under a lease that holds (a rebalance, a
        // re-publish): nothing to do. With the lease in doubt (it may have been requeued), the
        // claim decides.
        ++m_counters.duplicates;
        acknowledge(message);
        return;
    }
    m_inbox.append({runId, message});
    updateBackPressure();
}

bool RunCoordinator::runsHere(const QString &runId) const
{
    const auto active = m_active.constFind(runId);
    return active != m_active.cend() && m_leases->deadline(active->lease) > m_leases->elapsed();
}

const RunCoordinator::Active *RunCoordinator::current(const RunLease &lease) const
{
    const auto it = m_active.constFind(lease.runId);
    if (it == m_active.cend() || !(it->lease == lease) || !it->execution)
        return nullptr;
    return &*it;
}

void RunCoordinator::start(const ClaimedRun &run)
{
    ++m_counters.claimed;
    const RunLease lease = run.lease;
    Metrics::instance().runExecutionStarted(lease.execution > 1);
    if (m_draining) {
        // Claimed while the worker began to stop: hand it straight back (the sweeper re-enqueues it).
        m_store.release(this, {lease}, [](const Result<qint64> &) {});
        return;
    }
    if (const auto older = m_active.constFind(lease.runId); older != m_active.cend()) {
        // The lease of an older execution here expired and this worker took the run again: the
        // older one is not the run's any more.
        if (older->execution)
            older->execution->stop();
        forget(older->lease);
    }
    RunPlan plan = run.plan;
    plan.limits = m_options.limits;
    const QString traceId = RunEvent::traceIdOf(plan.traceparent);
    auto *execution = new RunExecution(std::move(plan), m_http, m_steps, this);
    m_active.insert(lease.runId, {execution, lease, traceId});
    record(lease.runId, u"claimed"_s, traceId, {{u"execution"_s, lease.execution}, {u"resumed"_s, lease.execution > 1}});
    m_leases->track(lease);
    m_changes.committed({{lease.runId}, {}, {}});
    connect(execution, &RunExecution::stepStarted, this,
            [this, lease](const StepResult &result) { onStepStarted(lease, result); });
    connect(execution, &RunExecution::checkpoint, this,
            [this, lease, traceId](const StepResult &result, const StepResults &changed) {
                record(lease.runId, u"step"_s, traceId, stepDetail(result, lease.execution));
                save(lease, changed);
            });
    connect(execution, &RunExecution::finished, this,
            [this, lease](const RunOutcome &outcome) { onFinished(lease, outcome); });
    if (lease.execution > 1)
        qCInfo(lcWorker) << "resuming run" << lease.runId << "(execution" << lease.execution << ")";
    execution->start();
}

void RunCoordinator::onStepStarted(const RunLease &lease, const StepResult &result)
{
    // Shows the step as running (and keeps a delay's deadline across a takeover), with the marks
    // of other runs in one statement; the next checkpoint is what counts, so failures are ignored.
    m_running->add({lease, result});
}

void RunCoordinator::markRunning(QList<StepMark> marks)
{
    // One mark per run: a later step of the same run supersedes an earlier one still waiting.
    QHash<QString, qsizetype> latest;
    for (qsizetype i = 0; i < marks.size(); ++i)
        latest.insert(marks.at(i).lease.runId, i);
    QList<StepMark> unique;
    unique.reserve(latest.size());
    for (qsizetype i = 0; i < marks.size(); ++i) {
        if (latest.value(marks.at(i).lease.runId) == i && current(marks.at(i).lease))
            unique.append(marks.at(i));
    }
    if (unique.isEmpty()) {
        m_running->finished();
        return;
    }
    m_store.markStepsRunning(this, unique, [this](const Result<QStringList> &marked) {
        if (marked.ok() && !marked->isEmpty())
            m_changes.committed({*marked, {}, {}});
        m_running->finished();
    });
}

void RunCoordinator::save(const RunLease &lease, const StepResults &changed, int failures)
{
    // An error that is not the database being away may repeat for ever: give it a few tries.
    constexpr int kMaxFailures = 10;
    const qint64 sentAt = m_leases->elapsed();
    m_store.saveSteps(this, lease, changed, [this, lease, changed, sentAt, failures](const Result<bool> &saved) {
        const Active *active = current(lease);
        if (!active)
            return; // that execution is over
        if (saved.ok() && *saved) {
            m_leases->confirmed(lease, sentAt);
            m_changes.committed({{lease.runId}, {}, {}});
            active->execution->proceed();
        } else if (saved.ok()) {
            // Cancelled, or the lease went to another worker: not ours to continue.
            active->execution->stop();
        } else if (const bool away = saved.error().kind() == Error::Kind::Unavailable;
                   (away || failures + 1 < kMaxFailures)
                   && m_leases->elapsed() + m_options.saveRetryMs < m_leases->deadline(lease) + (away ? m_options.outageMs : 0)) {
            // The step's result is kept until the database is back, rather than the step run again.
            QTimer::singleShot(m_options.saveRetryMs, this, [this, lease, changed, failures = away ? failures : failures + 1] {
                if (current(lease))
                    save(lease, changed, failures);
            });
        } else {
            qCWarning(lcWorker) << "giving run" << lease.runId << "up to its lease:" << saved.error().detail();
            active->execution->stop();
        }
    });
}

void RunCoordinator::onFinished(const RunLease &lease, const RunOutcome &outcome)
{
    if (!current(lease))
        return;
    switch (outcome.ending) {
    case RunOutcome::Ending::Stopped:
        forget(lease);
        return;
    case RunOutcome::Ending::Cancelled:
        // The API wrote the cancelled state and its message; keep the step results for the record.
        ++m_counters.cancelled;
        m_store.saveCancelledSteps(this, lease, outcome.stepResults, [this, lease](const Result<bool> &) {
            m_changes.committed({{lease.runId}, {}, {}});
        });
        forget(lease);
        return;
    case RunOutcome::Ending::Success:
    case RunOutcome::Ending::Failed: {
        // The last step's result comes with the end, not with a checkpoint: the latest finished one.
        const StepResult *last = nullptr;
        for (const StepResult &result : outcome.stepResults)
            if (result.completedAtMicros && (!last || *result.completedAtMicros > *last->completedAtMicros))
                last = &result;
        if (last)
            record(lease.runId, u"step"_s, current(lease)->traceId, stepDetail(*last, lease.execution));
        m_ends->add({lease, outcome.ending == RunOutcome::Ending::Success ? RunStatus::Success : RunStatus::Failed,
                     outcome.error, outcome.stepResults});
        return;
    }
    }
}

void RunCoordinator::onEnded(const RunEnd &end, int fate)
{
    const auto endDrainLater = qScopeGuard([this] { QTimer::singleShot(0, this, [this] { finishDrainIfIdle(); }); });
    if (EndQueue::Fate(fate) == EndQueue::Fate::Written) {
        ++(end.status == RunStatus::Success ? m_counters.succeeded : m_counters.failed);
        Metrics::instance().runFinished(statusName(end.status));
        const Active *active = current(end.lease);
        QJsonObject detail{{u"status"_s, statusName(end.status)}, {u"execution"_s, end.lease.execution}};
        if (end.error)
            detail.insert(u"error"_s, end.error->left(300));
        record(end.lease.runId, u"finished"_s, active ? active->traceId : QString(), detail);
    }
    if (current(end.lease))
        forget(end.lease);
}

void RunCoordinator::onLeaseLost(const LostLease &lost)
{
    const Active *active = current(lost.lease);
    if (!active)
        return;
    record(lost.lease.runId, u"lease_lost"_s, active->traceId,
           {{u"execution"_s, lost.lease.execution},
            {u"status"_s, lost.status ? QJsonValue(statusName(*lost.status)) : QJsonValue(u"gone"_s)}});
    if (lost.status == RunStatus::Cancelled) {
        qCInfo(lcWorker) << "run" << lost.lease.runId << "was cancelled; stopping it";
        active->execution->cancel();
    } else {
        qCWarning(lcWorker).noquote() << "run" << lost.lease.runId << "is no longer leased to this execution ("
                                      << (lost.status ? statusName(*lost.status) : u"gone"_s) << "); stopping it";
        active->execution->stop();
    }
}

QJsonObject RunCoordinator::stepDetail(const StepResult &result, int execution)
{
    QJsonObject detail{{u"step"_s, result.stepName},
                       {u"status"_s, statusName(result.status)},
                       {u"attempt"_s, result.attempts},
                       {u"execution"_s, execution}};
    if (result.startedAtMicros && result.completedAtMicros)
        detail.insert(u"duration_ms"_s, double(*result.completedAtMicros - *result.startedAtMicros) / 1000.0);
    if (result.error)
        detail.insert(u"error"_s, result.error->left(300));
    return detail;
}

void RunCoordinator::record(const QString &runId, const QString &kind, const QString &traceId, QJsonObject detail)
{
    if (!m_options.events)
        return;
    RunEvent event;
    event.runId = runId;
    event.kind = kind;
    event.traceId = traceId;
    event.detail = std::move(detail);
    m_options.events->record(std::move(event));
}

void RunCoordinator::forget(const RunLease &lease)
{
    const auto it = m_active.find(lease.runId);
    if (it == m_active.end() || !(it->lease == lease))
        return;
    if (it->execution)
        it->execution->deleteLater();
    m_active.erase(it);
    m_leases->forget(lease);
    updateBackPressure();
    finishDrainIfIdle();
}

void RunCoordinator::acknowledge(const kafka::KafkaMessage &message)
{
    m_consumer.done(message);
}

void RunCoordinator::updateBackPressure()
{
    if (m_draining)
        return;
    while (!m_inbox.isEmpty() && int(m_active.size()) + m_claims->pending() < m_options.concurrency) {
        Received next = m_inbox.takeFirst();
        if (runsHere(next.runId)) {
            ++m_counters.duplicates; // it came again while it waited here
            acknowledge(next.message);
            continue;
        }
        m_claims->add(next.runId, next.message);
    }
    const int prefetch = m_options.prefetch > 0 ? m_options.prefetch : qMax(m_options.concurrency, 64);
    if (int(m_inbox.size()) >= prefetch || m_claimsStalled)
        m_consumer.setPaused(true);
    else if (int(m_inbox.size()) <= prefetch / 2)
        m_consumer.setPaused(false);
}

void RunCoordinator::drain(int timeoutMs, std::function<void()> done)
{
    m_draining = true;
    m_drained = std::move(done);
    m_claims->dropWaiting(); // not acknowledged: redelivered to the workers that stay
    m_inbox.clear();
    qCInfo(lcWorker) << "draining:" << m_active.size() << "run(s) still executing";
    QTimer::singleShot(timeoutMs, this, [this] {
        if (!m_drained)
            return;
        QList<RunLease> left;
        for (const Active &active : std::as_const(m_active)) {
            left.append(active.lease);
            if (active.execution)
                active.execution->stop();
        }
        qCWarning(lcWorker) << "drain timeout: handing back" << left.size() << "run(s)";
        m_releasing = true; // only the release's answer ends the drain now
        m_store.release(this, left, [this](const Result<qint64> &) {
            auto drained = std::move(m_drained);
            m_drained = nullptr;
            if (drained)
                drained();
        });
    });
    finishDrainIfIdle();
}

void RunCoordinator::finishDrainIfIdle()
{
    // Done when nothing runs, no claim is out and every end is written (or given up).
    if (!m_draining || !m_drained || m_releasing || !m_active.isEmpty() || m_claims->busy() || !m_ends->idle())
        return;
    auto drained = std::move(m_drained);
    m_drained = nullptr;
    QTimer::singleShot(0, this, [drained] { drained(); });
}

} // namespace wf
