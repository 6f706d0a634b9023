#pragma once

#include "engine/stepregistry.h"

namespace wf::steps {

// A registry of the built-in step types: condition, delay, log, transform, webhook. Each process
// builds one at start-up and passes it to what validates or executes definitions.
StepRegistry builtinSteps();

} // namespace wf::steps
