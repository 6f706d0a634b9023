#include "statshistory.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wf::console {

int StatsHistory::merge(const QJsonObject &history)
{
    const QJsonArray times = history.value(u"t"_s).toArray();
    const QJsonObject series = history.value(u"series"_s).toObject();
    const qint64 last = lastT();
    int added = 0;
    for (int i = 0; i < times.size(); ++i) {
        const qint64 t = times.at(i).toInteger();
        if (t <= last)
            continue;
        m_times.append(t);
        ++added;
        for (auto it = series.begin(); it != series.end(); ++it) {
            const QJsonValue value = it.value().toArray().at(i);
            if (value.isDouble())
                m_series[it.key()].append(QPointF(double(t), value.toDouble()));
        }
    }
    if (m_times.isEmpty())
        return added;
    const qint64 oldest = m_times.last() - m_keepMs;
    const auto firstKept = std::lower_bound(m_times.begin(), m_times.end(), oldest);
    m_times.erase(m_times.begin(), firstKept);
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        QList<QPointF> &points = it.value();
        const auto kept = std::lower_bound(points.begin(), points.end(), double(oldest),
                                           [](const QPointF &point, double x) { return point.x() < x; });
        points.erase(points.begin(), kept);
    }
    return added;
}

void StatsHistory::clear()
{
    m_times.clear();
    m_series.clear();
}

} // namespace wf::console
