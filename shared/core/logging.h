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
Q_DECLARE_LOGGING_CATEGORY(lcRun)

class QJsonObject;

namespace wf::logging {

// Installs the process-wide message handler: "text" gives one readable line per event,
// "json" one JSON object per line (time, level, category, process, message) for log shippers.
void install(const QString &format, const QString &processName);

// One info line of `category` with structured fields: in JSON each field is a member of the
// line's object (beside ts, level, …, msg); in text they follow the message as name=value.
void event(const QLoggingCategory &category, const QString &message, const QJsonObject &fields);

} // namespace wf::logging
