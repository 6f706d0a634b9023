#pragma once

#include "engine/stepattempt.h"

#include <QTimer>

namespace wf {

// Waits on a timer, so that thousands of delayed runs share one thread; then reports `output`.
class DelayAttempt : public StepAttempt
{
    Q_OBJECT

public:
    DelayAttempt(qint64 milliseconds, QJsonValue output, QObject *parent);

protected:
    void stopWork() override;

private:
    QTimer m_timer;
    QJsonValue m_output;
};

} // namespace wf
