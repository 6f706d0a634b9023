#include "overviewpage.h"

#include "model/instancetablemodel.h"
#include "metrictile.h"
#include "model/statspoller.h"
#include "timeserieschart.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

QString figure(double value, int decimals)
{
    return std::isnan(value) ? u"–"_s : QLocale().toString(value, 'f', decimals);
}

} // namespace

OverviewPage::OverviewPage(StatsPoller &poller, Thresholds thresholds, QWidget *parent)
    : QWidget(parent), m_poller(poller), m_thresholds(thresholds)
{
    auto *layout = new QVBoxLayout(this);
    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(u"QLabel { background: #fff3e0; color: #5d4037; border: 1px solid #ffb74d; padding: 6px; }"_s);
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *tiles = new QGridLayout();
    layout->addLayout(tiles);
    addTile(u"requests"_s, tr("Requests/s"));
    addTile(u"runs"_s, tr("Runs finished/s"));
    addTile(u"5xx"_s, tr("HTTP 5xx (10 s)"));
    addTile(u"failures"_s, tr("Run failures (10 s)"));
    addTile(u"p99"_s, tr("p99 latency"));
    addTile(u"lag"_s, tr("Kafka lag"));
    addTile(u"outbox"_s, tr("Outbox backlog"));
    addTile(u"dlq"_s, tr("Dead letters"));
    addTile(u"servers"_s, tr("Servers"));
    addTile(u"workers"_s, tr("Workers"));
    for (int i = 0; i < m_tileOrder.size(); ++i)
        tiles->addWidget(m_tiles.value(m_tileOrder.at(i)), i / 5, i % 5);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    layout->addWidget(splitter, 1);
    auto *chartArea = new QWidget(splitter);
    auto *charts = new QGridLayout(chartArea);
    charts->setContentsMargins(0, 0, 0, 0);
    auto addChart = [&](const QString &key, const QString &title, int row, int column) {
        auto *chart = new TimeSeriesChart(title, chartArea);
        m_charts.insert(key, chart);
        charts->addWidget(chart, row, column);
        return chart;
    };
    TimeSeriesChart *throughput = addChart(u"throughput"_s, tr("Throughput (per second)"), 0, 0);
    throughput->addLine(u"requests_per_second"_s, tr("requests"));
    throughput->addLine(u"runs_triggered_per_second"_s, tr("runs triggered"));
    throughput->addLine(u"runs_finished_per_second"_s, tr("runs finished"));
    TimeSeriesChart *errors = addChart(u"errors"_s, tr("Error rates (%, last 10 s)"), 0, 1);
    errors->addLine(u"http_5xx_percent"_s, tr("HTTP 5xx"));
    errors->addLine(u"http_4xx_percent"_s, tr("HTTP 4xx"));
    errors->addLine(u"run_failure_percent"_s, tr("run failures"));
    TimeSeriesChart *latency = addChart(u"latency"_s, tr("Latency (ms)"), 1, 0);
    latency->addLine(u"latency_p50_ms"_s, tr("p50"));
    latency->addLine(u"latency_p95_ms"_s, tr("p95"));
    latency->addLine(u"latency_p99_ms"_s, tr("p99"));
    TimeSeriesChart *lag = addChart(u"lag"_s, tr("Kafka lag (messages)"), 1, 1);
    lag->addLine(u"kafka_lag"_s, tr("total"));

    m_instances = new InstanceTableModel(this);
    m_instanceView = new QTableView(splitter);
    m_instanceView->setModel(m_instances);
    m_instanceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_instanceView->setAlternatingRowColors(true);
    m_instanceView->verticalHeader()->hide();
    m_instanceView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_instanceView->horizontalHeader()->setStretchLastSection(false);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    connect(&m_poller, &StatsPoller::snapshotChanged, this, &OverviewPage::showSnapshot);
    connect(&m_poller, &StatsPoller::historyChanged, this, &OverviewPage::showHistory);
    connect(&m_poller, &StatsPoller::staleChanged, this, &OverviewPage::showStale);
    if (m_poller.latest())
        showSnapshot();
    showHistory();
    showStale(m_poller.stale(), m_poller.problem());
}

MetricTile *OverviewPage::addTile(const QString &key, const QString &title)
{
    auto *tile = new MetricTile(title, this);
    m_tiles.insert(key, tile);
    m_tileOrder.append(key);
    return tile;
}

QString OverviewPage::banner() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

void OverviewPage::showSnapshot()
{
    const ClusterSnapshot &s = *m_poller.latest();
    m_tiles[u"requests"_s]->setValue(figure(s.requestsPerSecond, 0), Level::Good);
    m_tiles[u"runs"_s]->setValue(figure(s.runsFinishedPerSecond, 0), Level::Good,
                                 tr("%1 triggered/s").arg(figure(s.runsTriggeredPerSecond, 0)));
    m_tiles[u"5xx"_s]->setValue(figure(s.http5xxPercent, 1) + u" %"_s, m_thresholds.levelOf(u"error"_s, s.http5xxPercent),
                                tr("threshold %1 %").arg(m_thresholds.errorPercent));
    m_tiles[u"failures"_s]->setValue(std::isnan(s.runFailurePercent) ? tr("none ended") : figure(s.runFailurePercent, 1) + u" %"_s,
                                     std::isnan(s.runFailurePercent) ? Level::Good
                                                                     : m_thresholds.levelOf(u"error"_s, s.runFailurePercent),
                                     tr("threshold %1 %").arg(m_thresholds.errorPercent));
    m_tiles[u"p99"_s]->setValue(figure(s.latencyP99Ms, 0) + u" ms"_s, m_thresholds.levelOf(u"p99"_s, s.latencyP99Ms),
                                tr("p50 %1 ms; threshold %2 ms").arg(figure(s.latencyP50Ms, 1)).arg(m_thresholds.p99HighMs));
    m_tiles[u"lag"_s]->setValue(figure(s.kafkaLag, 0), m_thresholds.levelOf(u"lag"_s, s.kafkaLag),
                                tr("scale up above %1").arg(m_thresholds.lagHigh));
    m_tiles[u"outbox"_s]->setValue(figure(s.outboxBacklog, 0), s.outboxBacklog > 1000 ? Level::Warning : Level::Good,
                                   tr("oldest %1 s").arg(figure(s.outboxOldestSeconds, 1)));
    m_tiles[u"dlq"_s]->setValue(figure(s.deadLetters, 0), s.deadLetters > 0 ? Level::Warning : Level::Good);
    for (const auto &[key, component] : {std::pair{u"servers"_s, u"server"_s}, std::pair{u"workers"_s, u"worker"_s}}) {
        const ClusterSnapshot::Component c = s.components.value(component);
        const Level level = c.actual < c.desired ? Level::Warning : Level::Good;
        m_tiles[key]->setValue(u"%1 / %2"_s.arg(c.actual).arg(c.desired), level,
                               tr("CPU %1 %, %2 in flight").arg(figure(c.cpuPercent10s, 0)).arg(c.inFlight));
    }
    m_instances->setInstances(s.instances);

    // Per-partition lag is not in the history: the page keeps it from the snapshots it sees.
    const qint64 now = s.at.isValid() ? s.at.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
    TimeSeriesChart *lag = m_charts.value(u"lag"_s);
    for (const ClusterSnapshot::Partition &partition : s.partitions) {
        const QString key = u"partition-%1"_s.arg(partition.partition);
        lag->addLine(key, tr("partition %1").arg(partition.partition));
        QList<QPointF> &points = m_partitionLag[partition.partition];
        if (!std::isnan(partition.lag))
            points.append(QPointF(double(now), partition.lag));
        while (!points.isEmpty() && points.first().x() < double(now - 15 * 60 * 1000))
            points.removeFirst();
        lag->setPoints(key, points);
    }
    lag->refresh(std::max<qint64>(now, m_poller.history().lastT()));
}

void OverviewPage::showHistory()
{
    const StatsHistory &history = m_poller.history();
    const qint64 now = std::max<qint64>(history.lastT(), QDateTime::currentMSecsSinceEpoch() - 1000);
    for (TimeSeriesChart *chart : std::as_const(m_charts)) {
        for (const QString &figure : history.figures())
            chart->setPoints(figure, history.series(figure));
        chart->refresh(now);
    }
}

void OverviewPage::showStale(bool stale, const QString &why)
{
    m_banner->setVisible(stale);
    m_banner->setText(tr("Not live: %1").arg(why));
    if (stale) {
        for (MetricTile *tile : std::as_const(m_tiles))
            tile->setValue(tile->value(), Level::Unknown, tr("stale"));
    }
}

} // namespace wf::console
