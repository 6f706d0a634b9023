#include "enginelog.h"

Q_LOGGING_CATEGORY(lcEngine, "wf.engine")
