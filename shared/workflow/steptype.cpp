#include "steptype.h"

namespace wf {

// Out of line so that the vtables have one home.
StepType::~StepType() = default;
StepCatalog::~StepCatalog() = default;

} // namespace wf
