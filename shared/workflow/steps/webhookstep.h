#pragma once

#include "workflow/steptype.h"

namespace wf {

// An HTTP call: `url`, `method` (default POST), `headers`, `body`, `expect_status` (default any 2xx).
class WebhookStep : public StepType
{
public:
    QString name() const override;
    Problem validateConfig(const StepDefinition &step, const StepValidationContext &context) const override;
};

} // namespace wf
