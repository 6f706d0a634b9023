#pragma once

#include <QLoggingCategory>

// "wf.engine": step and run execution (the log step writes its messages here too).
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
