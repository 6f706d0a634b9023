#include "runexecution.h"

#include "enginelog.h"
#include "httpclientpool.h"
#include "stepattempt.h"

#include "metrics/metrics.h"
#include "stepenvironment.h"

#include "core/json.h"
#include "stepregistry.h"

#include <QRandomGenerator>

#include <algorithm>
#include <chrono>
#include <limits>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

const QString outputKey = u"output"_s;
const QString statusKey = u"status"_s;

qint64 nowMicros()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

QString bytes(qint64 count)
{
    return QString::number(count) + u" bytes"_s;
}

// What ${steps.<name>…} sees of a finished step: a skipped step has a status but no output.
QJsonObject templateView(const StepResult &result)
{
    QJsonObject view{{statusKey, statusName(result.status)}};
    if (result.status == StepStatus::Success)
        view.insert(outputKey, result.output);
    return view;
}

} // namespace

RunExecution::RunExecution(RunPlan plan, HttpClientPool *http, const StepRegistry &registry, QObject *parent)
    : QObject(parent), m_plan(std::move(plan)), m_http(http), m_registry(&registry), m_results(m_plan.stepResults)
{
    m_context.payload = m_plan.payload;
    m_context.run = QJsonObject{{u"id"_s, m_plan.runId}, {u"workflow_id"_s, m_plan.workflowId}};
    for (const StepDefinition &step : std::as_const(m_plan.steps)) {
        const auto stored = m_results.constFind(step.name);
        if (stored != m_results.cend() && stored->isDone()) {
            m_context.steps.insert(step.name, templateView(*stored));
            m_runBytes += json::sizeAtMost(stored->output, m_plan.limits.maxRunBytes);
        }
    }
    m_timeoutTimer.setSingleShot(true);
    m_timeoutTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &RunExecution::onAttemptTimeout);
    m_backoffTimer.setSingleShot(true);
    m_backoffTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_backoffTimer, &QTimer::timeout, this, &RunExecution::startAttempt);
}

RunExecution::~RunExecution()
{
    dropAttempt();
}

QString RunExecution::runId() const
{
    return m_plan.runId;
}

const StepResults &RunExecution::stepResults() const
{
    return m_results;
}

bool RunExecution::isWaitingForProceed() const
{
    return m_state == State::WaitingForProceed;
}

bool RunExecution::isFinished() const
{
    return m_state == State::Finished;
}

void RunExecution::setFixedJitter(std::optional<double> unit)
{
    m_fixedJitter = unit;
}

void RunExecution::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Scheduled;
    QMetaObject::invokeMethod(this, &RunExecution::runNextStep, Qt::QueuedConnection);
}

void RunExecution::proceed()
{
    if (m_state != State::WaitingForProceed)
        return;
    m_state = State::Scheduled;
    QMetaObject::invokeMethod(this, &RunExecution::runNextStep, Qt::QueuedConnection);
}

void RunExecution::stop()
{
    interrupt(u"stopped"_s, RunOutcome::Ending::Stopped);
}

void RunExecution::cancel()
{
    interrupt(u"cancelled"_s, RunOutcome::Ending::Cancelled);
}

void RunExecution::interrupt(const QString &reason, RunOutcome::Ending ending)
{
    if (m_state == State::Finished)
        return;
    if (m_state == State::Running) {
        // The step under way is cut short: its result says why.
        dropAttempt();
        m_current.status = StepStatus::Failed;
        m_current.completedAtMicros = nowMicros();
        m_current.deadlineMicros.reset();
        m_current.output = QJsonValue::Null;
        m_current.error = reason;
        m_results.insert(m_current.stepName, m_current);
        qCInfo(lcEngine).noquote() << "run" << m_plan.runId << "step" << m_current.stepName << reason
                                   << "after" << m_current.attempts << "attempt(s)";
    }
    complete(ending, std::nullopt);
}

qsizetype RunExecution::nextStepIndex(qsizetype from) const
{
    for (qsizetype i = std::max<qsizetype>(from, 0); i < m_plan.steps.size(); ++i) {
        const auto stored = m_results.constFind(m_plan.steps.at(i).name);
        if (stored == m_results.cend() || !stored->isDone())
            return i;
    }
    return m_plan.steps.size();
}

void RunExecution::runNextStep()
{
    if (m_state != State::Scheduled)
        return;
    m_index = nextStepIndex(m_index + 1);
    if (m_index >= m_plan.steps.size()) {
        complete(RunOutcome::Ending::Success, std::nullopt);
        return;
    }
    const StepDefinition &step = m_plan.steps.at(m_index);
    // A step an earlier execution had started keeps its start, and the deadline of its wait.
    const StepResult interrupted = m_results.value(step.name);
    m_current = StepResult();
    m_current.stepName = step.name;
    m_current.status = StepStatus::Running;
    m_current.startedAtMicros = interrupted.status == StepStatus::Running && interrupted.startedAtMicros
            ? interrupted.startedAtMicros
            : nowMicros();
    m_state = State::Running;

    m_type = m_registry->find(step.type);
    if (!m_type) {
        m_current.status = StepStatus::Failed;
        m_current.error = u"unknown step type '"_s + step.type + u'\'';
        stepEnded();
        return;
    }
    // Rendering is not retried: the same inputs would give the same error.
    RenderBudget budget = outputBudget();
    const Result<QJsonObject> config = m_type->renderConfig(step, m_context, budget);
    if (!config) {
        m_current.status = StepStatus::Failed;
        m_current.error = config.error().detail();
        stepEnded();
        return;
    }
    m_config = *config;
    m_maxAttempts = step.retry ? std::max(step.retry->maxAttempts, 1) : 1;
    m_timeoutMs = step.timeoutMs ? step.timeoutMs : m_type->defaultTimeoutMs();
    if (const std::optional<qint64> waitMs = m_type->plannedWaitMs(m_config)) {
        m_current.deadlineMicros = interrupted.status == StepStatus::Running && interrupted.deadlineMicros
                ? interrupted.deadlineMicros
                : std::optional<qint64>(*m_current.startedAtMicros + *waitMs * 1000);
    }

    if (m_type->isLongRunning()) {
        StepResult running = m_current;
        running.attempts = 1; // the first attempt is about to start
        m_results.insert(step.name, running);
        const QPointer<RunExecution> self(this);
        Q_EMIT stepStarted(running);
        if (!self || m_state != State::Running)
            return; // deleted, cancelled or stopped by the owner meanwhile
    }
    startAttempt();
}

void RunExecution::startAttempt()
{
    if (m_state != State::Running)
        return;
    const StepDefinition &step = m_plan.steps.at(m_index);
    ++m_current.attempts;
    StepEnvironment environment;
    environment.http = m_http.data();
    environment.runId = m_plan.runId;
    environment.workflowId = m_plan.workflowId;
    environment.retryRootId = m_plan.retryRootId;
    environment.traceparent = m_plan.traceparent;
    environment.attempt = m_current.attempts;
    environment.timeoutMs = m_timeoutMs;
    // Only the first attempt resumes a wait; a retried one waits anew.
    if (m_current.attempts == 1)
        environment.deadlineMicros = m_current.deadlineMicros;
    m_attemptClock.start();
    m_attempt = m_type->start(step, m_config, environment, this);
    connect(m_attempt, &StepAttempt::finished, this, &RunExecution::onAttemptFinished);
    if (m_timeoutMs)
        m_timeoutTimer.start(int(std::min<qint64>(*m_timeoutMs, std::numeric_limits<int>::max())));
}

void RunExecution::onAttemptFinished(const Result<QJsonValue> &output)
{
    if (sender() != m_attempt.data())
        return; // a dropped attempt cannot report, but be sure
    m_timeoutTimer.stop();
    m_attempt->deleteLater();
    m_attempt = nullptr;
    attemptEnded(output);
}

void RunExecution::onAttemptTimeout()
{
    if (!m_attempt)
        return;
    dropAttempt();
    attemptEnded(Error::unavailable(u"timed out after "_s + QString::number(*m_timeoutMs) + u" ms"_s));
}

void RunExecution::attemptEnded(const Result<QJsonValue> &output)
{
    const QString &type = m_plan.steps.at(m_index).type;
    const double seconds = double(m_attemptClock.nsecsElapsed()) / 1e9;
    const bool retry = !output && output.error().kind() != Error::Kind::Invalid && m_current.attempts < m_maxAttempts;
    Metrics::instance().stepAttempt(type, output ? "success" : retry ? "retry" : "failed", seconds);
    if (output) {
        // What a step produced without templates (a webhook's response) is bounded here.
        const qint64 limit = std::min(m_plan.limits.maxStepOutputBytes, m_plan.limits.maxRunBytes - m_runBytes);
        const qint64 size = json::sizeAtMost(*output, std::max<qint64>(limit, 0));
        if (const std::optional<QString> problem = outputProblem(size)) {
            m_current.status = StepStatus::Failed;
            m_current.output = QJsonValue::Null;
            m_current.error = *problem;
            stepEnded();
            return;
        }
        m_runBytes += size;
        m_current.status = StepStatus::Success;
        m_current.output = *output;
        m_current.error.reset();
        stepEnded();
        return;
    }
    const Error &error = output.error();
    // Invalid means the rendered input is unusable: another attempt would fail the same way
    // (`retry` above).
    if (retry) {
        const RetryPolicy &policy = *m_plan.steps.at(m_index).retry;
        const double jitter = m_fixedJitter ? *m_fixedJitter : QRandomGenerator::global()->generateDouble();
        const int delay = policy.backoffMs(m_current.attempts, jitter);
        qCDebug(lcEngine).noquote() << "run" << m_plan.runId << "step" << m_current.stepName << "attempt"
                                    << m_current.attempts << "failed:" << error.detail() << "- next in" << delay << "ms";
        m_backoffTimer.start(delay);
        return;
    }
    m_current.status = StepStatus::Failed;
    m_current.output = QJsonValue::Null;
    m_current.error = error.detail();
    stepEnded();
}

RenderBudget RunExecution::outputBudget() const
{
    RenderBudget budget;
    const qint64 runLeft = m_plan.limits.maxRunBytes - m_runBytes;
    if (m_plan.limits.maxStepOutputBytes <= runLeft) {
        budget.remaining = m_plan.limits.maxStepOutputBytes;
        budget.exceeded = u"the step's output would exceed "_s + bytes(m_plan.limits.maxStepOutputBytes)
                + u", the limit of one step (WF_RUN_MAX_STEP_OUTPUT_BYTES)"_s;
    } else {
        budget.remaining = std::max<qint64>(runLeft, 0);
        budget.exceeded = u"the run's step outputs would exceed "_s + bytes(m_plan.limits.maxRunBytes)
                + u", the limit of one run (WF_RUN_MAX_BYTES)"_s;
    }
    return budget;
}

std::optional<QString> RunExecution::outputProblem(qint64 size) const
{
    if (size > m_plan.limits.maxStepOutputBytes)
        return u"the step's output exceeds "_s + bytes(m_plan.limits.maxStepOutputBytes)
                + u", the limit of one step (WF_RUN_MAX_STEP_OUTPUT_BYTES)"_s;
    if (m_runBytes + size > m_plan.limits.maxRunBytes)
        return u"the run's step outputs exceed "_s + bytes(m_plan.limits.maxRunBytes)
                + u", the limit of one run (WF_RUN_MAX_BYTES)"_s;
    return std::nullopt;
}

void RunExecution::stepEnded()
{
    m_current.completedAtMicros = nowMicros();
    m_current.deadlineMicros.reset();
    m_results.insert(m_current.stepName, m_current);
    if (m_current.status != StepStatus::Success) {
        qCInfo(lcEngine).noquote() << "run" << m_plan.runId << "step" << m_current.stepName << "failed after"
                                   << m_current.attempts << "attempt(s):" << m_current.error.value_or(QString());
        complete(RunOutcome::Ending::Failed,
                 u"step '"_s + m_current.stepName + u"': "_s + m_current.error.value_or(QString()));
        return;
    }
    m_context.steps.insert(m_current.stepName, templateView(m_current));
    StepResults changed{{m_current.stepName, m_current}};
    markSkipped(m_type->stepsToSkip(m_current.output), changed);
    if (nextStepIndex(m_index + 1) >= m_plan.steps.size()) {
        complete(RunOutcome::Ending::Success, std::nullopt);
        return;
    }
    m_state = State::WaitingForProceed;
    Q_EMIT checkpoint(m_current, changed);
    // Nothing after this: the owner may have deleted the execution.
}

void RunExecution::markSkipped(const QStringList &names, StepResults &changed)
{
    if (names.isEmpty())
        return;
    const qint64 completedAt = nowMicros();
    // Only later steps: a condition cannot undo what already ran.
    for (qsizetype i = m_index + 1; i < m_plan.steps.size(); ++i) {
        const QString &name = m_plan.steps.at(i).name;
        if (!names.contains(name))
            continue;
        const auto stored = m_results.constFind(name);
        if (stored != m_results.cend() && stored->isDone())
            continue;
        StepResult skipped;
        skipped.stepName = name;
        skipped.status = StepStatus::Skipped;
        skipped.completedAtMicros = completedAt;
        m_results.insert(name, skipped);
        changed.insert(name, skipped);
        m_context.steps.insert(name, templateView(skipped));
    }
}

void RunExecution::complete(RunOutcome::Ending ending, const std::optional<QString> &error)
{
    dropAttempt();
    m_state = State::Finished;
    const RunOutcome outcome{ending, error, m_results};
    // Always from the event loop, so that neither the caller of cancel()/stop() nor a slot of an
    // earlier signal hears it re-entrantly; dropped if the execution is deleted first.
    QMetaObject::invokeMethod(this, [this, outcome] { Q_EMIT finished(outcome); }, Qt::QueuedConnection);
}

void RunExecution::dropAttempt()
{
    m_timeoutTimer.stop();
    m_backoffTimer.stop();
    if (m_attempt) {
        StepAttempt *attempt = m_attempt;
        m_attempt = nullptr;
        disconnect(attempt, nullptr, this, nullptr);
        attempt->abort();
        attempt->deleteLater();
    }
}

} // namespace wf
