#include "runcoordinator.h"

#include "cache/cache.h"
#include "core/ids.h"
#include "core/json.h"
#include "core/logging.h"
#include "engine/httpclientpool.h"
#include "engine/runexecution.h"
#include "engine/runoutcome.h"
#include "engine/runplan.h"
#include "workflow/stepresult.h"
#include "kafka/kafkaconsumer.h"
#include "outbox/outboxpublisher.h"
#include "workflow/workflowdefinition.h"

#include <QSet>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

// Saving a checkpoint or a terminal state is retried this often before the run is left to the
// lease (another worker then resumes it from the last saved step).
constexpr int kSaveAttempts = 10;
constexpr int kSaveRetryMs = 500;

} // namespace

RunCoordinator::RunCoordinator(ExecutionStore &store, const StepRegistry &steps, OutboxPublisher *publisher, kafka::KafkaConsumer &consumer, Cache *cache,
                               Options options, QObject *parent)
    : QObject(parent), m_store(store), m_steps(steps), m_publisher(publisher), m_consumer(consumer), m_cache(cache), m_options(options)
{
    m_http = new HttpClientPool(8, this);
    m_claimTimer = new QTimer(this);
    m_claimTimer->setSingleShot(true);
    connect(m_claimTimer, &QTimer::timeout, this, &RunCoordinator::flushClaims);
    m_endTimer = new QTimer(this);
    m_endTimer->setSingleShot(true);
    connect(m_endTimer, &QTimer::timeout, this, [this] { flushEnds(); });
    m_renewTimer = new QTimer(this);
    connect(m_renewTimer, &QTimer::timeout, this, &RunCoordinator::renewLeases);
    m_renewTimer->start(qMax(500, m_options.leaseSeconds * 1000 / 3));
}

RunCoordinator::~RunCoordinator() = default;

void RunCoordinator::handle(const kafka::KafkaMessage &message)
{
    const auto parsed = json::parse(message.value);
    const QString runId = parsed && parsed->isObject()
            ? ids::normalize(parsed->toObject().value(u"run_id"_s).toString())
            : QString();
    if (runId.isEmpty()) {
        deadLetter(message, parsed ? u"message has no valid run_id"_s : u"message is not JSON"_s);
        return;
    }
    if (m_draining)
        return; // not acknowledged: another worker gets it after the rebalance
    if (m_active.contains(runId)) {
        // Delivered again while it runs here (a rebalance, a re-publish): nothing to do.
        ++m_counters.duplicates;
        acknowledge(message);
        return;
    }
    m_waiting.append({runId, message});
    if (m_waiting.size() >= m_options.claimBatch)
        flushClaims();
    else if (!m_claimTimer->isActive())
        m_claimTimer->start(m_options.claimDelayMs);
    updateBackPressure();
}

void RunCoordinator::flushClaims()
{
    if (m_claiming || m_waiting.isEmpty())
        return;
    m_claiming = true;
    QList<Waiting> batch;
    batch.swap(m_waiting);
    QStringList runIds;
    for (const Waiting &waiting : std::as_const(batch)) {
        if (!runIds.contains(waiting.runId))
            runIds.append(waiting.runId);
    }
    m_store.claim(this, runIds, [this, batch](Result<ClaimOutcome> outcome) {
        m_claiming = false;
        if (m_draining) {
            // Claimed while the worker began to stop: hand the runs straight back (the sweeper
            // re-enqueues them); unclaimed messages come back to the workers that stay.
            if (outcome.ok() && !outcome->claimed.isEmpty()) {
                QStringList claimedIds;
                for (const ClaimedRun &run : std::as_const(outcome->claimed))
                    claimedIds.append(run.runId);
                m_store.release(this, claimedIds, [](const Result<qint64> &) {});
            }
            finishDrainIfIdle();
            return;
        }
        if (!outcome.ok()) {
            // Nothing acknowledged: try again shortly, holding new messages back meanwhile.
            qCWarning(lcWorker) << "claiming" << batch.size() << "runs failed:" << outcome.error().detail();
            m_waiting = batch + m_waiting;
            m_consumer.setPaused(true);
            QTimer::singleShot(1000, this, &RunCoordinator::flushClaims);
            return;
        }
        const QSet<QString> missing(outcome->missing.begin(), outcome->missing.end());
        QStringList claimedIds;
        for (const ClaimedRun &run : std::as_const(outcome->claimed)) {
            claimedIds.append(run.runId);
            start(run);
        }
        invalidate(claimedIds);
        for (const Waiting &waiting : batch) {
            if (missing.contains(waiting.runId))
                deadLetter(waiting.message, u"run %1 does not exist"_s.arg(waiting.runId));
            else
                acknowledge(waiting.message);
        }
        m_counters.claimed += outcome->claimed.size();
        updateBackPressure();
        if (!m_waiting.isEmpty())
            flushClaims();
    });
}

void RunCoordinator::start(const ClaimedRun &run)
{
    RunPlan plan;
    plan.runId = run.runId;
    plan.workflowId = run.workflowId;
    plan.workflowVersion = run.workflowVersion;
    plan.payload = run.payload;
    plan.steps = WorkflowDefinition::stepsFromStoredJson(run.steps);
    plan.stepResults = run.stepResults;
    plan.traceparent = run.traceparent;
    auto *execution = new RunExecution(plan, m_http, m_steps, this);
    m_active.insert(run.runId, execution);
    const QString runId = run.runId;
    connect(execution, &RunExecution::stepStarted, this, [this, runId](const StepResult &result) {
        // Shows the step as running; the next checkpoint is what counts, so failures are ignored.
        m_store.markStepRunning(this, runId, result.stepName, result.toJson(), [this, runId](const Result<bool> &saved) {
            if (saved.ok() && *saved)
                invalidate({runId});
        });
    });
    connect(execution, &RunExecution::checkpoint, this,
            [this, runId](const StepResult &, const QJsonObject &all) { onCheckpoint(runId, all, 1); });
    connect(execution, &RunExecution::finished, this,
            [this, runId](const RunOutcome &outcome) { onFinished(runId, outcome); });
    if (run.executionAttempt > 1)
        qCInfo(lcWorker) << "resuming run" << runId << "(execution" << run.executionAttempt << ")";
    execution->start();
}

void RunCoordinator::onCheckpoint(const QString &runId, const QJsonObject &allResults, int attempt)
{
    m_store.saveSteps(this, runId, allResults, [this, runId, allResults, attempt](const Result<bool> &saved) {
        const QPointer<RunExecution> execution = m_active.value(runId);
        if (!execution)
            return;
        if (saved.ok() && *saved) {
            invalidate({runId});
            execution->proceed();
        } else if (saved.ok()) {
            // Cancelled, or the lease went to another worker: not ours to continue.
            execution->stop();
        } else if (attempt < kSaveAttempts) {
            QTimer::singleShot(kSaveRetryMs, this, [this, runId, allResults, attempt] { onCheckpoint(runId, allResults, attempt + 1); });
        } else {
            qCWarning(lcWorker) << "giving run" << runId << "up to its lease:" << saved.error().detail();
            execution->stop();
        }
    });
}

void RunCoordinator::onFinished(const QString &runId, const RunOutcome &outcome)
{
    if (outcome.status == u"stopped"_s) {
        forget(runId);
        return;
    }
    if (outcome.status == u"cancelled"_s) {
        // The API wrote the cancelled state and its message; keep the step results for the record.
        ++m_counters.cancelled;
        m_store.saveCancelledSteps(this, runId, outcome.stepResults, [this, runId](const Result<bool> &) { invalidate({runId}); });
        forget(runId);
        return;
    }
    // Terminal states of runs finishing together share one statement (and transaction).
    m_ends.append({runId, outcome.status, outcome.error, outcome.stepResults});
    if (m_ends.size() >= m_options.endBatch)
        flushEnds();
    else if (!m_endTimer->isActive())
        m_endTimer->start(m_options.endDelayMs);
}

void RunCoordinator::flushEnds(int attempt)
{
    if (m_ending || m_ends.isEmpty())
        return;
    m_ending = true;
    QList<RunEnd> batch;
    batch.swap(m_ends);
    m_store.finish(this, batch, [this, batch, attempt](const Result<QList<OutboxMessage>> &finished) {
        m_ending = false;
        if (!finished.ok()) {
            if (attempt < kSaveAttempts) {
                // Not written: keep them first in line and try again shortly.
                m_ends = batch + m_ends;
                QTimer::singleShot(kSaveRetryMs, this, [this, attempt] { flushEnds(attempt + 1); });
                return;
            }
            qCWarning(lcWorker) << "could not record the end of" << batch.size()
                                << "runs; their leases will expire:" << finished.error().detail();
        } else {
            QSet<QString> written;
            for (const OutboxMessage &message : *finished)
                written.insert(QString::fromLatin1(message.key));
            QStringList runIds;
            for (const RunEnd &end : batch) {
                if (!written.contains(end.runId))
                    continue; // cancelled meanwhile, or its lease went to another worker
                runIds.append(end.runId);
                ++(end.status == u"success"_s ? m_counters.succeeded : m_counters.failed);
            }
            invalidate(runIds);
            if (m_publisher)
                m_publisher->publish(*finished);
        }
        for (const RunEnd &end : batch)
            forget(end.runId);
        if (!m_ends.isEmpty())
            flushEnds();
    });
}

void RunCoordinator::forget(const QString &runId)
{
    const QPointer<RunExecution> execution = m_active.take(runId);
    if (execution)
        execution->deleteLater();
    updateBackPressure();
    finishDrainIfIdle();
}

void RunCoordinator::renewLeases()
{
    if (m_active.isEmpty())
        return;
    m_store.renew(this, m_active.keys(), [this](const Result<QHash<QString, QString>> &lost) {
        if (!lost.ok())
            return; // the next renewal tries again; leases are several renewals long
        for (auto it = lost->begin(); it != lost->end(); ++it) {
            const QPointer<RunExecution> execution = m_active.value(it.key());
            if (!execution)
                continue;
            if (it.value() == u"cancelled"_s) {
                qCInfo(lcWorker) << "run" << it.key() << "was cancelled; stopping it";
                execution->cancel();
            } else {
                qCWarning(lcWorker) << "run" << it.key() << "is no longer leased to this worker (" << it.value() << "); stopping it";
                execution->stop();
            }
        }
    });
}

void RunCoordinator::deadLetter(const kafka::KafkaMessage &message, const QString &reason, int attempt)
{
    if (attempt == 1)
        qCWarning(lcWorker) << "dead letter:" << reason << "(" << message.topic << message.partition << message.offset << ")";
    m_store.deadLetter(this, message.topic, message.partition, message.offset, message.key, message.value, reason,
                       [this, message, reason, attempt](const Result<OutboxMessage> &written) {
                           if (!written.ok()) {
                               // Until it is recorded the message holds its partition's committed
                               // offset back, so keep trying (with a growing pause).
                               qCWarning(lcWorker) << "could not record a dead letter:" << written.error().detail();
                               QTimer::singleShot(qMin(30000, 500 * attempt), this, [this, message, reason, attempt] {
                                   deadLetter(message, reason, attempt + 1);
                               });
                               return;
                           }
                           ++m_counters.deadLettered;
                           if (m_publisher)
                               m_publisher->publish(*written);
                           acknowledge(message);
                       });
}

void RunCoordinator::invalidate(const QStringList &runIds)
{
    if (!m_cache || runIds.isEmpty())
        return;
    QList<QByteArray> keys;
    keys.reserve(runIds.size());
    for (const QString &runId : runIds)
        keys.append(Cache::runKey(runId));
    m_cache->invalidate(keys);
}

void RunCoordinator::acknowledge(const kafka::KafkaMessage &message)
{
    m_consumer.done(message);
}

void RunCoordinator::updateBackPressure()
{
    if (m_draining)
        return;
    const int load = int(m_active.size() + m_waiting.size());
    if (load >= m_options.concurrency)
        m_consumer.setPaused(true);
    else if (load <= m_options.concurrency * 9 / 10 && !m_claiming)
        m_consumer.setPaused(false);
}

void RunCoordinator::drain(int timeoutMs, std::function<void()> done)
{
    m_draining = true;
    m_drained = std::move(done);
    m_claimTimer->stop();
    m_waiting.clear(); // not acknowledged: redelivered to the workers that stay
    qCInfo(lcWorker) << "draining:" << m_active.size() << "run(s) still executing";
    QTimer::singleShot(timeoutMs, this, [this] {
        if (!m_drained)
            return;
        const QStringList left = m_active.keys();
        qCWarning(lcWorker) << "drain timeout: handing back" << left.size() << "run(s)";
        for (const QString &runId : left) {
            if (const QPointer<RunExecution> execution = m_active.value(runId))
                execution->stop();
        }
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
    if (!m_draining || !m_drained || !m_active.isEmpty() || m_claiming)
        return;
    auto drained = std::move(m_drained);
    m_drained = nullptr;
    QTimer::singleShot(0, this, [drained] { drained(); });
}

} // namespace wf
