#pragma once

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcDb)
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcKafka)
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)
Q_DECLARE_LOGGING_CATEGORY(lcWorker)

namespace wf::logging {

// Installs the process-wide message handler: "text" gives one readable line per event,
// "json" one JSON object per line (time, level, category, process, message) for log shippers.
void install(const QString &format, const QString &processName);

} // namespace wf::logging
