#pragma once

#include "runoutcome.h"
#include "runplan.h"
#include "workflow/stepresult.h"

#include "core/result.h"
#include "workflow/templateengine.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace wf {

class HttpClientPool;
class StepAttempt;
class StepRegistry;
class ExecutableStep;

// Executes the steps of one run, in order, in the thread it lives in, without blocking it: many
// executions share one thread. It does no I/O but the steps' own (HTTP): its owner persists what
// it reports and decides.
//
// Protocol: start(); stepStarted() before a delay or webhook begins (no answer expected);
// checkpoint() after each finished step that is not the end of the run, with the results that
// changed (the step, and the steps it skipped): nothing more happens until the owner, having
// stored them, calls proceed(), or stop() when it could not;
// finished() exactly once at the end, carrying the last step's result (no checkpoint before it).
// No signal is emitted from inside start(), proceed(), stop() or cancel(), and the owner may
// delete the execution in reaction to any signal.
class RunExecution : public QObject
{
    Q_OBJECT

public:
    // `registry` must outlive the execution. `http` is needed by webhook steps only.
    RunExecution(RunPlan plan, HttpClientPool *http, const StepRegistry &registry, QObject *parent = nullptr);
    ~RunExecution() override;

    QString runId() const;
    // Every step result so far, by step name (the plan's stored results updated).
    const StepResults &stepResults() const;
    bool isWaitingForProceed() const;
    bool isFinished() const;

    // Retry back-off jitter in [0, 1]; random (QRandomGenerator) when unset. For tests.
    void setFixedJitter(std::optional<double> unit);

    void start();
    // The owner stored the last checkpoint durably: go on with the next step.
    void proceed();
    // The owner cannot go on (it lost the run's lease, or could not store a checkpoint): end with
    // "stopped" without running anything more; an attempt in flight is aborted.
    void stop();
    // End with "cancelled" before the next step; an attempt in flight is aborted and its step
    // becomes failed with the error "cancelled".
    void cancel();

Q_SIGNALS:
    void stepStarted(const wf::StepResult &result);
    void checkpoint(const wf::StepResult &result, const wf::StepResults &changed);
    void finished(const wf::RunOutcome &outcome);

private:
    enum class State {
        Idle,              // not started
        Scheduled,         // the next step is queued
        Running,           // an attempt, or the back-off before the next one, is under way
        WaitingForProceed, // a checkpoint was emitted
        Finished,          // finished() is emitted or queued
    };

    void runNextStep();
    void startAttempt();
    void onAttemptFinished(const Result<QJsonValue> &output);
    void onAttemptTimeout();
    void attemptEnded(const Result<QJsonValue> &output);
    void stepEnded();
    // Marks the later steps among `names` skipped; adds them to `changed`.
    void markSkipped(const QStringList &names, StepResults &changed);
    void interrupt(const QString &reason, RunOutcome::Ending ending);
    void complete(RunOutcome::Ending ending, const std::optional<QString> &error);
    // The bound on what the next step may render and output: the smaller of the step limit and
    // what the run has left.
    RenderBudget outputBudget() const;
    // The error for an output of `bytes` over its limit, or nullopt when it fits.
    std::optional<QString> outputProblem(qint64 bytes) const;
    void dropAttempt();
    // Index of the first step at or after `from` that is not done; steps().size() when none.
    qsizetype nextStepIndex(qsizetype from) const;

    RunPlan m_plan;
    QPointer<HttpClientPool> m_http;
    const StepRegistry *m_registry;
    StepResults m_results;
    qint64 m_runBytes = 0; // the outputs of done steps, as json::sizeAtMost counts them
    TemplateContext m_context;
    State m_state = State::Idle;
    std::optional<double> m_fixedJitter;

    // The step under way.
    qsizetype m_index = -1;
    const ExecutableStep *m_type = nullptr;
    StepResult m_current;
    QJsonObject m_config;
    int m_maxAttempts = 1;
    std::optional<qint64> m_timeoutMs;
    QPointer<StepAttempt> m_attempt;
    QTimer m_timeoutTimer;
    QElapsedTimer m_attemptClock;
    QTimer m_backoffTimer;
};

} // namespace wf
