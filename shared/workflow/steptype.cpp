#include "steptype.h"

namespace wf {

// Out of line so that the vtable has one home.
StepType::~StepType() = default;

} // namespace wf
