#pragma once

#include "engine/executablestep.h"

namespace wf {

// An HTTP call: `url`, `method` (default POST), `headers`, `body`, `expect_status` (default any 2xx).
class WebhookStep : public ExecutableStep
{
public:
    QString name() const override;
    Problem validateConfig(const StepDefinition &step, const StepValidationContext &context) const override;
    StepAttempt *start(const StepDefinition &step, const QJsonObject &renderedConfig,
                       const StepEnvironment &environment, QObject *parent) const override;
    bool isLongRunning() const override;
    // 30 s: a server that never answers must not hold a run (and its lease) forever.
    std::optional<qint64> defaultTimeoutMs() const override;
};

} // namespace wf
