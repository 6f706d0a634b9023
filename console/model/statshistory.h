#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>

namespace wf::console {

// The chart series of the overview: what GET /api/v1/admin/stats/history returns (one array per
// figure beside "t", ms since the epoch), kept for the last `keepMs` and extended by merging
// newer answers. x is ms since the epoch; a figure that was not measured (null) leaves no point.
class StatsHistory
{
public:
    explicit StatsHistory(qint64 keepMs = 15 * 60 * 1000) : m_keepMs(keepMs) { }

    // Appends the points of `history` newer than the last one kept and drops those older than
    // the window; returns how many instants were added. An answer without "t" adds nothing.
    int merge(const QJsonObject &history);
    void clear();

    QList<QPointF> series(const QString &figure) const { return m_series.value(figure); }
    QStringList figures() const { return m_series.keys(); }
    qint64 firstT() const { return m_times.isEmpty() ? 0 : m_times.first(); }
    qint64 lastT() const { return m_times.isEmpty() ? 0 : m_times.last(); }
    int size() const { return int(m_times.size()); }
    qint64 keepMs() const { return m_keepMs; }

private:
    qint64 m_keepMs;
    QList<qint64> m_times;
    QHash<QString, QList<QPointF>> m_series;
};

} // namespace wf::console
