#include "builtinsteps.h"

#include "conditionstep.h"
#include "delaystep.h"
#include "logstep.h"
#include "transformstep.h"
#include "webhookstep.h"

namespace wf::steps {

StepRegistry builtinSteps()
{
    StepRegistry registry;
    registry.add(std::make_unique<DelayStep>());
    registry.add(std::make_unique<WebhookStep>());
    registry.add(std::make_unique<TransformStep>());
    registry.add(std::make_unique<ConditionStep>());
    registry.add(std::make_unique<LogStep>());
    return registry;
}

} // namespace wf::steps
