#pragma once

class QCoreApplication;

namespace wf::stack {

// Parses the command line of wf-stack and runs the chosen command; returns the exit code.
int runCommand(QCoreApplication &app);

} // namespace wf::stack
