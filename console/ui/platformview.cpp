#include "platformview.h"

#include "capacitypage.h"
#include "overviewpage.h"
#include "runspage.h"
#include "stuckrunspage.h"
#include "workflowspage.h"

#include "client/apiclient.h"
#include "model/scalingcontroller.h"
#include "model/statspoller.h"

#include <QLocale>
#include <QMetaObject>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wf::console {

PlatformView::PlatformView(Endpoint endpoint, const QByteArray &token, QWidget *parent)
    : QWidget(parent), m_endpoint(std::move(endpoint))
{
    m_client = new ApiClient(m_endpoint.url, this);
    m_client->setToken(token);
    m_client->setTimeoutMs(3000);
    m_poller = new StatsPoller(*m_client, this);
    m_health = new HealthMonitor({}, this);
    m_scaling = new ScalingController(*m_client, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs);
    m_overview = new OverviewPage(*m_poller, m_health->thresholds(), m_tabs);
    m_capacity = new CapacityPage(*m_poller, *m_scaling, m_tabs);
    m_workflows = new WorkflowsPage(*m_client, m_tabs);
    m_runs = new RunsPage(*m_client, m_tabs);
    m_stuck = new StuckRunsPage(*m_client, m_tabs);
    m_tabs->addTab(m_overview, tr("&Overview"));
    m_tabs->addTab(m_capacity, tr("&Capacity"));
    m_tabs->addTab(m_workflows, tr("&Workflows"));
    m_tabs->addTab(m_runs, tr("&Runs"));
    m_tabs->addTab(m_stuck, tr("&Stuck runs"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &PlatformView::pageChanged);

    connect(m_capacity, &CapacityPage::statusMessage, this, &PlatformView::statusMessage);
    connect(m_workflows, &WorkflowsPage::statusMessage, this, &PlatformView::statusMessage);
    connect(m_runs, &RunsPage::statusMessage, this, &PlatformView::statusMessage);
    connect(m_stuck, &StuckRunsPage::statusMessage, this, &PlatformView::statusMessage);
    // A run triggered from the workflows page: show it in the run browser.
    connect(m_workflows, &WorkflowsPage::runTriggered, this, [this](const QString &runId, const QString &workflowId) {
        Q_UNUSED(workflowId)
        showPage(Runs);
        m_runs->openRun(runId);
    });
    connect(m_workflows, &WorkflowsPage::runsRequested, this, [this](const QString &workflowId) {
        showPage(Runs);
        m_runs->showRuns(workflowId);
    });
    connect(m_stuck, &StuckRunsPage::runActivated, this, [this](const QString &runId) {
        showPage(Runs);
        m_runs->openRun(runId);
    });

    connect(m_poller, &StatsPoller::snapshotChanged, this, [this] {
        m_health->observe(*m_poller->latest(), QDateTime::currentDateTimeUtc());
        Q_EMIT connectionStateChanged(connectionState());
    });
    connect(m_poller, &StatsPoller::staleChanged, this, [this](bool stale, const QString &why) {
        if (stale)
            m_health->observeStale(why);
        Q_EMIT connectionStateChanged(connectionState());
    });
    connect(m_health, &HealthMonitor::levelChanged, this, &PlatformView::healthChanged);
    connect(m_health, &HealthMonitor::alert, this, &PlatformView::alert);
    m_poller->start(1000);
    pageChanged(m_tabs->currentIndex());
}

PlatformView::~PlatformView() = default;

QWidget *PlatformView::page(Page page) const
{
    return m_tabs->widget(int(page));
}

void PlatformView::showPage(Page page)
{
    m_tabs->setCurrentIndex(int(page));
}

PlatformView::Page PlatformView::currentPage() const
{
    return Page(m_tabs->currentIndex());
}

void PlatformView::refresh()
{
    m_poller->poll();
    QMetaObject::invokeMethod(m_tabs->currentWidget(), "activate");
}

void PlatformView::pageChanged(int index)
{
    // Pages with lists load them when shown and stop refreshing when hidden.
    if (m_activeIndex >= 0 && m_activeIndex != index)
        QMetaObject::invokeMethod(m_tabs->widget(m_activeIndex), "deactivate");
    m_activeIndex = index;
    QMetaObject::invokeMethod(m_tabs->widget(index), "activate");
}

QString PlatformView::connectionState() const
{
    if (m_poller->stale())
        return tr("%1: not live — %2").arg(m_endpoint.name, m_poller->problem());
    return tr("%1: connected · updated %2")
            .arg(m_endpoint.name, QLocale().toString(m_poller->lastUpdate().toLocalTime().time(), u"HH:mm:ss"_s));
}

} // namespace wf::console
