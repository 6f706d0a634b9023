#include "timeserieschart.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

// A step line: each value holds until the next point (replica counts change in steps).
QList<QPointF> stepped(const QList<QPointF> &points)
{
    QList<QPointF> out;
    out.reserve(points.size() * 2);
    for (int i = 0; i < points.size(); ++i) {
        if (i > 0)
            out.append(QPointF(points.at(i).x(), points.at(i - 1).y()));
        out.append(points.at(i));
    }
    return out;
}

// A round upper bound a little above `max` (1, 2, 5 × 10^n), so the axis does not jump with
// every small change.
double niceCeiling(double max)
{
    if (!(max > 0))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(max)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (max * 1.1 <= step * magnitude)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

TimeSeriesChart::TimeSeriesChart(const QString &title, QWidget *parent) : QChartView(parent)
{
    auto *chart = new QChart();
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);

    m_time = new QDateTimeAxis(this);
    m_time->setFormat(u"HH:mm:ss"_s);
    m_time->setTickCount(5);
    chart->addAxis(m_time, Qt::AlignBottom);
    m_left = new QValueAxis(this);
    m_left->setLabelFormat(u"%g"_s);
    m_left->setMin(0);
    chart->addAxis(m_left, Qt::AlignLeft);
}

void TimeSeriesChart::addLine(const QString &key, const QString &label, Axis axis, bool isStepped)
{
    if (m_lines.contains(key))
        return;
    auto *series = new QLineSeries(this);
    series->setName(label);
    chart()->addSeries(series);
    series->attachAxis(m_time);
    if (axis == Axis::Right) {
        if (!m_right) {
            m_right = new QValueAxis(this);
            m_right->setLabelFormat(u"%g"_s);
            m_right->setMin(0);
            chart()->addAxis(m_right, Qt::AlignRight);
        }
        series->attachAxis(m_right);
    } else {
        series->attachAxis(m_left);
    }
    m_lines.insert(key, {series, axis, isStepped});
}

void TimeSeriesChart::setAxisTitles(const QString &left, const QString &right)
{
    m_left->setTitleText(left);
    if (m_right)
        m_right->setTitleText(right);
}

void TimeSeriesChart::setPoints(const QString &key, const QList<QPointF> &points)
{
    const auto it = m_lines.constFind(key);
    if (it == m_lines.cend())
        return;
    m_points.insert(key, points);
    it->series->replace(it->stepped ? stepped(points) : points);
}

void TimeSeriesChart::setMarkers(const QList<qint64> &times, const QString &label)
{
    if (!m_markers) {
        m_markers = new QScatterSeries(this);
        m_markers->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
        m_markers->setMarkerSize(11);
        m_markers->setColor(QColor(0x8e, 0x24, 0xaa));
        m_markers->setBorderColor(QColor(0x8e, 0x24, 0xaa));
        chart()->addSeries(m_markers);
        m_markers->attachAxis(m_time);
        m_markers->attachAxis(m_left);
    }
    m_markers->setName(label);
    m_markerTimes = times;
}

void TimeSeriesChart::refresh(qint64 nowMs)
{
    // The window grows with the data up to its limit: a console opened a minute ago shows that
    // minute in detail, not squeezed into the right edge of 15 minutes.
    double earliest = double(nowMs);
    for (auto it = m_points.cbegin(); it != m_points.cend(); ++it) {
        if (!it.value().isEmpty())
            earliest = std::min(earliest, it.value().first().x());
    }
    const qint64 span = std::clamp<qint64>(nowMs - qint64(earliest) + 10'000, 2 * 60 * 1000, m_windowMs);
    const qint64 from = nowMs - span;
    m_time->setFormat(span > 5 * 60 * 1000 ? u"HH:mm"_s : u"HH:mm:ss"_s);
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(nowMs));
    double leftMax = 0;
    double rightMax = 0;
    for (auto it = m_lines.cbegin(); it != m_lines.cend(); ++it) {
        for (const QPointF &point : m_points.value(it.key())) {
            if (point.x() < double(from))
                continue;
            double &max = it->axis == Axis::Right ? rightMax : leftMax;
            max = std::max(max, point.y());
        }
    }
    m_left->setRange(0, niceCeiling(leftMax));
    if (m_right)
        m_right->setRange(0, niceCeiling(rightMax));
    if (m_markers) {
        QList<QPointF> marks;
        for (qint64 t : std::as_const(m_markerTimes)) {
            if (t >= from)
                marks.append(QPointF(double(t), m_left->max()));
        }
        m_markers->replace(marks);
    }
}

} // namespace wf::console
