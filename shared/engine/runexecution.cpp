#include "runexecution.h"

#include "enginelog.h"
#include "httpclientpool.h"
#include "stepattempt.h"
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

QString now()
{
    using namespace std::chrono;
    const qint64 micros = duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
    return json::formatTimestamp(micros);
}

// What ${steps.<name>…} sees of a finished step: a skipped step has a status but no output.
QJsonObject templateView(const StepResult &result)
{
    QJsonObject view{{statusKey, StepResult::statusName(result.status)}};
    if (result.status == StepResult::Status::Success)
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
        const std::optional<StepResult> stored = StepResult::fromJson(m_results.value(step.name));
        if (stored && stored->isDone())
            m_context.steps.insert(step.name, templateView(*stored));
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

QJsonObject RunExecution::stepResults() const
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
    interrupt(u"stopped"_s, u"stopped"_s);
}

void RunExecution::cancel()
{
    interrupt(u"cancelled"_s, u"cancelled"_s);
}

void RunExecution::interrupt(const QString &reason, const QString &runStatus)
{
    if (m_state == State::Finished)
        return;
    if (m_state == State::Running) {
        // The step under way is cut short: its result says why.
        dropAttempt();
        m_current.status = StepResult::Status::Failed;
        m_current.completedAt = now();
        m_current.output = QJsonValue::Null;
        m_current.error = reason;
        m_results.insert(m_current.stepName, m_current.toJson());
        qCInfo(lcEngine).noquote() << "run" << m_plan.runId << "step" << m_current.stepName << reason
                                   << "after" << m_current.attempts << "attempt(s)";
    }
    complete(runStatus, std::nullopt);
}

qsizetype RunExecution::nextStepIndex(qsizetype from) const
{
    for (qsizetype i = std::max<qsizetype>(from, 0); i < m_plan.steps.size(); ++i) {
        const std::optional<StepResult> stored = StepResult::fromJson(m_results.value(m_plan.steps.at(i).name));
        if (!stored || !stored->isDone())
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
        complete(u"success"_s, std::nullopt);
        return;
    }
    const StepDefinition &step = m_plan.steps.at(m_index);
    m_current = StepResult();
    m_current.stepName = step.name;
    m_current.status = StepResult::Status::Running;
    m_current.startedAt = now();
    m_state = State::Running;

    m_type = m_registry->find(step.type);
    if (!m_type) {
        m_current.status = StepResult::Status::Failed;
        m_current.error = u"unknown step type '"_s + step.type + u'\'';
        stepEnded();
        return;
    }
    // Rendering is not retried: the same inputs would give the same error.
    const Result<QJsonObject> config = m_type->renderConfig(step, m_context);
    if (!config) {
        m_current.status = StepResult::Status::Failed;
        m_current.error = config.error().detail();
        stepEnded();
        return;
    }
    m_config = *config;
    m_maxAttempts = step.retry ? std::max(step.retry->maxAttempts, 1) : 1;
    m_timeoutMs = step.timeoutMs ? step.timeoutMs : m_type->defaultTimeoutMs();

    if (m_type->isLongRunning()) {
        StepResult running = m_current;
        running.attempts = 1; // the first attempt is about to start
        m_results.insert(step.name, running.toJson());
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
    environment.traceparent = m_plan.traceparent;
    environment.attempt = m_current.attempts;
    environment.timeoutMs = m_timeoutMs;
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
    if (output) {
        m_current.status = StepResult::Status::Success;
        m_current.output = *output;
        m_current.error.reset();
        stepEnded();
        return;
    }
    const Error &error = output.error();
    // Invalid means the rendered input is unusable: another attempt would fail the same way.
    const bool retry = error.kind() != Error::Kind::Invalid && m_current.attempts < m_maxAttempts;
    if (retry) {
        const RetryPolicy &policy = *m_plan.steps.at(m_index).retry;
        const double jitter = m_fixedJitter ? *m_fixedJitter : QRandomGenerator::global()->generateDouble();
        const int delay = policy.backoffMs(m_current.attempts, jitter);
        qCDebug(lcEngine).noquote() << "run" << m_plan.runId << "step" << m_current.stepName << "attempt"
                                    << m_current.attempts << "failed:" << error.detail() << "- next in" << delay << "ms";
        m_backoffTimer.start(delay);
        return;
    }
    m_current.status = StepResult::Status::Failed;
    m_current.output = QJsonValue::Null;
    m_current.error = error.detail();
    stepEnded();
}

void RunExecution::stepEnded()
{
    m_current.completedAt = now();
    m_results.insert(m_current.stepName, m_current.toJson());
    if (m_current.status != StepResult::Status::Success) {
        qCInfo(lcEngine).noquote() << "run" << m_plan.runId << "step" << m_current.stepName << "failed after"
                                   << m_current.attempts << "attempt(s):" << m_current.error.value_or(QString());
        complete(u"failed"_s, u"step '"_s + m_current.stepName + u"': "_s + m_current.error.value_or(QString()));
        return;
    }
    m_context.steps.insert(m_current.stepName, templateView(m_current));
    markSkipped(m_type->stepsToSkip(m_current.output));
    if (nextStepIndex(m_index + 1) >= m_plan.steps.size()) {
        complete(u"success"_s, std::nullopt);
        return;
    }
    m_state = State::WaitingForProceed;
    Q_EMIT checkpoint(m_current, m_results);
    // Nothing after this: the owner may have deleted the execution.
}

void RunExecution::markSkipped(const QStringList &names)
{
    if (names.isEmpty())
        return;
    const QString completedAt = now();
    // Only later steps: a condition cannot undo what already ran.
    for (qsizetype i = m_index + 1; i < m_plan.steps.size(); ++i) {
        const QString &name = m_plan.steps.at(i).name;
        if (!names.contains(name))
            continue;
        const std::optional<StepResult> stored = StepResult::fromJson(m_results.value(name));
        if (stored && stored->isDone())
            continue;
        StepResult skipped;
        skipped.stepName = name;
        skipped.status = StepResult::Status::Skipped;
        skipped.completedAt = completedAt;
        m_results.insert(name, skipped.toJson());
        m_context.steps.insert(name, templateView(skipped));
    }
}

void RunExecution::complete(const QString &status, const std::optional<QString> &error)
{
    dropAttempt();
    m_state = State::Finished;
    const RunOutcome outcome{status, error, m_results};
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
