#include "displayformat.h"

#include "core/json.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace wf::console {

QString formatTimestamp(const QString &rfc3339)
{
    const std::optional<qint64> micros = json::parseTimestamp(rfc3339);
    if (!micros)
        return u"–"_s;
    return QDateTime::fromMSecsSinceEpoch(*micros / 1000).toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

QString formatDurationMs(double ms)
{
    if (ms < 0)
        return u"–"_s;
    const QLocale locale;
    if (ms < 10)
        return QCoreApplication::translate("DisplayFormat", "%1 ms").arg(locale.toString(ms, 'f', 2));
    if (ms < 100)
        return QCoreApplication::translate("DisplayFormat", "%1 ms").arg(locale.toString(ms, 'f', 1));
    if (ms < 1000)
        return QCoreApplication::translate("DisplayFormat", "%1 ms").arg(locale.toString(ms, 'f', 0));
    return QCoreApplication::translate("DisplayFormat", "%1 s").arg(locale.toString(ms / 1000, 'f', 2));
}

double millisecondsBetween(const QString &fromRfc3339, const QString &toRfc3339)
{
    // In microseconds, as the API keeps them: a transform step takes well under a millisecond.
    const std::optional<qint64> from = json::parseTimestamp(fromRfc3339);
    const std::optional<qint64> to = json::parseTimestamp(toRfc3339);
    if (!from || !to)
        return -1;
    return double(*to - *from) / 1000.0;
}

} // namespace wf::console
