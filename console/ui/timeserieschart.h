#pragma once

#include <QChartView>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>

class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace wf::console {

// A chart of figures over time (x: ms since the epoch, as StatsHistory gives them), with a
// second value axis for a figure of another unit (the signal beside a replica count) and
// markers on the time axis (scaling decisions). Series are replaced, not rebuilt, on every
// refresh; the time axis ends now and reaches back to the oldest point, at least 2 minutes and
// at most `windowMs`.
class TimeSeriesChart : public QChartView
{
    Q_OBJECT

public:
    enum class Axis { Left, Right };

    explicit TimeSeriesChart(const QString &title, QWidget *parent = nullptr);

    // Adds a line (once); its points come with setPoints().
    void addLine(const QString &key, const QString &label, Axis axis = Axis::Left, bool stepped = false);
    void setPoints(const QString &key, const QList<QPointF> &points);
    void setAxisTitles(const QString &left, const QString &right = {});
    // Marks on the time axis (x in ms since the epoch), shown at the top of the left axis.
    void setMarkers(const QList<qint64> &times, const QString &label);
    void setWindowMs(qint64 windowMs) { m_windowMs = windowMs; }
    // Scales the axes to what is shown; call after the points of a refresh are set.
    void refresh(qint64 nowMs);

    int lineCount() const { return int(m_lines.size()); }
    QList<QPointF> points(const QString &key) const { return m_points.value(key); }

private:
    struct Line
    {
        QLineSeries *series = nullptr;
        Axis axis = Axis::Left;
        bool stepped = false;
    };

    QHash<QString, Line> m_lines;
    QHash<QString, QList<QPointF>> m_points;
    QDateTimeAxis *m_time = nullptr;
    QValueAxis *m_left = nullptr;
    QValueAxis *m_right = nullptr;
    QScatterSeries *m_markers = nullptr;
    QList<qint64> m_markerTimes;
    qint64 m_windowMs = 15 * 60 * 1000;
};

} // namespace wf::console
