#pragma once

#include "model/thresholds.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QWidget>

class QLabel;
class QTableView;

namespace wf::console {

class InstanceTableModel;
class MetricTile;
class StatsPoller;
class TimeSeriesChart;

// Is the platform healthy, at a glance: tiles with the current figures coloured against the
// seed's thresholds, the last 15 minutes of throughput, error rates, latency and Kafka lag (in
// total and per partition), and every live instance. Everything comes from the StatsPoller; a
// stale picture says so above the tiles and greys them.
class OverviewPage : public QWidget
{
    Q_OBJECT

public:
    OverviewPage(StatsPoller &poller, Thresholds thresholds, QWidget *parent = nullptr);

    InstanceTableModel *instanceModel() const { return m_instances; }
    TimeSeriesChart *chart(const QString &name) const { return m_charts.value(name); }
    MetricTile *tile(const QString &name) const { return m_tiles.value(name); }
    QString banner() const;

public Q_SLOTS:
    // The overview follows the stats poller, which runs while its platform is open.
    void activate() { }
    void deactivate() { }

private:
    void showSnapshot();
    void showHistory();
    void showStale(bool stale, const QString &why);
    MetricTile *addTile(const QString &key, const QString &title);

    StatsPoller &m_poller;
    Thresholds m_thresholds;
    QLabel *m_banner = nullptr;
    QHash<QString, MetricTile *> m_tiles;
    QList<QString> m_tileOrder;
    QHash<QString, TimeSeriesChart *> m_charts;
    InstanceTableModel *m_instances = nullptr;
    QTableView *m_instanceView = nullptr;
    QHash<int, QList<QPointF>> m_partitionLag; // live, since the page opened
};

} // namespace wf::console
