#pragma once

#include "stepattempt.h"

namespace wf {

// An attempt whose outcome is known when it starts (transform, log, condition, or a config that
// turned out unusable after rendering); it still reports from the event loop like every attempt.
class ImmediateAttempt : public StepAttempt
{
    Q_OBJECT

public:
    ImmediateAttempt(Result<QJsonValue> output, QObject *parent);
};

} // namespace wf
