#pragma once

#include "core/result.h"

#include <QJsonValue>
#include <QObject>

#include <optional>

namespace wf {

// One attempt of one step, in the manner of KJob: it ends exactly once, either by emitting
// finished() (always from the event loop, never from inside StepType::start()) or by abort(),
// after which it emits nothing. The owner deletes it once it has ended (deleteLater is safe).
class StepAttempt : public QObject
{
    Q_OBJECT

public:
    explicit StepAttempt(QObject *parent = nullptr);
    ~StepAttempt() override;

    // True once finished() was emitted or abort() was called.
    bool isDone() const;
    // The outcome once done: the output, the error, or after abort() an Error whose detail is "cancelled".
    const std::optional<Result<QJsonValue>> &result() const;

    // Ends the attempt now with Error(Kind::Conflict, "cancelled") and stops its work (timer, HTTP
    // request). Emits nothing, now or later. Does nothing when the attempt has already ended.
    void abort();

Q_SIGNALS:
    // Emitted once. Kind::Invalid errors mean the step's input is unusable (retrying cannot help);
    // other kinds may succeed on another attempt.
    void finished(wf::Result<QJsonValue> output);

protected:
    // Subclasses report their outcome here (at most once; later calls are ignored). The signal
    // follows from the event loop, unless abort() comes first.
    void finish(Result<QJsonValue> output);
    // Called by abort() while the attempt is still running: stop the work without reporting.
    virtual void stopWork();

private:
    void deliver();

    std::optional<Result<QJsonValue>> m_result;
    bool m_delivering = false; // finish() was called and the signal is queued
    bool m_done = false;       // the signal was emitted or the attempt was aborted
};

} // namespace wf
