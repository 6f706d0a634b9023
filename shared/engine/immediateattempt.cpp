#include "immediateattempt.h"

namespace wf {

ImmediateAttempt::ImmediateAttempt(Result<QJsonValue> output, QObject *parent) : StepAttempt(parent)
{
    finish(std::move(output));
}

} // namespace wf
