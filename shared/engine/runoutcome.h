#pragma once

#include "workflow/stepresult.h"

#include <QString>

#include <optional>

namespace wf {

// How a RunExecution ended.
struct RunOutcome
{
    enum class Ending {
        Success,
        Failed,
        Cancelled, // cancel() was called
        Stopped,   // stop(): the owner could not persist a checkpoint, so the run is not its to end
    };

    Ending ending = Ending::Stopped;
    std::optional<QString> error;  // for Failed: "step '<name>': <the step's error>"
    StepResults stepResults;       // every step result, by step name, the last one included
};

} // namespace wf
