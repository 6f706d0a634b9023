#include "stepattempt.h"

using namespace Qt::StringLiterals;

namespace wf {

StepAttempt::StepAttempt(QObject *parent) : QObject(parent) { }

StepAttempt::~StepAttempt() = default;

bool StepAttempt::isDone() const
{
    return m_done;
}

const std::optional<Result<QJsonValue>> &StepAttempt::result() const
{
    return m_result;
}

void StepAttempt::abort()
{
    if (m_done)
        return;
    m_done = true;
    const bool wasRunning = !m_delivering;
    m_result = Result<QJsonValue>(Error(Error::Kind::Conflict, u"cancelled"_s));
    if (wasRunning)
        stopWork();
}

void StepAttempt::finish(Result<QJsonValue> output)
{
    if (m_done || m_delivering)
        return;
    m_delivering = true;
    m_result = std::move(output);
    // Queued even when the outcome is known at once, so that whoever started the attempt has
    // connected to it and returned before it hears anything; `this` as context drops the call
    // when the attempt is deleted first.
    QMetaObject::invokeMethod(this, &StepAttempt::deliver, Qt::QueuedConnection);
}

void StepAttempt::stopWork() { }

void StepAttempt::deliver()
{
    if (m_done)
        return; // aborted after finish()
    m_done = true;
    Q_EMIT finished(*m_result);
}

} // namespace wf
