#include "capacitypage.h"

#include "componentscalingpanel.h"
#include "model/scalingcontroller.h"
#include "model/statspoller.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wf::console {

CapacityPage::CapacityPage(StatsPoller &poller, ScalingController &scaling, QWidget *parent)
    : QWidget(parent), m_poller(poller), m_scaling(scaling), m_eventsTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    layout->addWidget(splitter);
    auto *panels = new QWidget(splitter);
    auto *row = new QHBoxLayout(panels);
    row->setContentsMargins(0, 0, 0, 0);
    m_servers = new ComponentScalingPanel(u"server"_s, scaling, panels);
    m_workers = new ComponentScalingPanel(u"worker"_s, scaling, panels);
    row->addWidget(m_servers);
    row->addWidget(m_workers);
    for (ComponentScalingPanel *panel : {m_servers, m_workers})
        connect(panel, &ComponentScalingPanel::statusMessage, this, &CapacityPage::statusMessage);

    m_decisions = new QTableWidget(0, 6, splitter);
    m_decisions->setHorizontalHeaderLabels({tr("Time"), tr("Component"), tr("By"), tr("Change"), tr("Carried out"), tr("Reason")});
    m_decisions->verticalHeader()->hide();
    m_decisions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_decisions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_decisions->setAlternatingRowColors(true);
    m_decisions->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_decisions->horizontalHeader()->setStretchLastSection(true);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    connect(&m_poller, &StatsPoller::snapshotChanged, this, [this] {
        for (ComponentScalingPanel *panel : {m_servers, m_workers})
            panel->showSnapshot(*m_poller.latest());
    });
    connect(&m_poller, &StatsPoller::historyChanged, this, [this] {
        for (ComponentScalingPanel *panel : {m_servers, m_workers})
            panel->showHistory(m_poller.history());
    });
    connect(&m_scaling, &ScalingController::eventsChanged, this, &CapacityPage::showEvents);
    m_eventsTimer->setInterval(5000);
    connect(m_eventsTimer, &QTimer::timeout, this, [this] { m_scaling.refreshEvents(); });
}

ComponentScalingPanel *CapacityPage::panel(const QString &component) const
{
    return component == u"worker"_s ? m_workers : m_servers;
}

void CapacityPage::activate()
{
    m_scaling.refreshEvents();
    m_eventsTimer->start();
}

void CapacityPage::deactivate()
{
    m_eventsTimer->stop();
}

void CapacityPage::showEvents()
{
    const QList<ScalingEvent> &events = m_scaling.events();
    m_decisions->setRowCount(int(events.size()));
    for (int row = 0; row < events.size(); ++row) {
        const ScalingEvent &event = events.at(row);
        const QString change = event.from < 0 ? QString::number(event.to) : u"%1 → %2"_s.arg(event.from).arg(event.to);
        const QStringList cells{QLocale().toString(event.at.toLocalTime(), QLocale::ShortFormat),
                                event.component,
                                event.source,
                                change,
                                event.acted ? tr("yes") : tr("no"),
                                event.reason};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (!event.acted)
                item->setForeground(QColor(0x75, 0x75, 0x75));
            m_decisions->setItem(row, column, item);
        }
    }
    for (ComponentScalingPanel *panel : {m_servers, m_workers})
        panel->showEvents(events);
}

} // namespace wf::console
