#pragma once

#include "client/endpointlist.h"
#include "model/healthmonitor.h"
#include "model/thresholds.h"

#include <QDateTime>
#include <QWidget>

class QTabWidget;

namespace wf::console {

class ApiClient;
class CapacityPage;
class OverviewPage;
class RunsPage;
class ScalingController;
class StatsPoller;
class StuckRunsPage;
class WorkflowsPage;

// Everything about one open platform, independent of any other open beside it: its API client
// (with its key), the live stats, health and alerts, and the pages. Only the visible page
// refreshes its lists; the stats keep coming for the tray and the status bar.
class PlatformView : public QWidget
{
    Q_OBJECT

public:
    enum Page { Overview, Capacity, Workflows, Runs, Stuck };
    Q_ENUM(Page)

    PlatformView(Endpoint endpoint, const QByteArray &token, QWidget *parent = nullptr);
    ~PlatformView() override;

    const Endpoint &endpoint() const { return m_endpoint; }
    ApiClient &client() const { return *m_client; }
    StatsPoller &poller() const { return *m_poller; }
    HealthMonitor &health() const { return *m_health; }
    ScalingController &scaling() const { return *m_scaling; }
    OverviewPage *overview() const { return m_overview; }
    CapacityPage *capacity() const { return m_capacity; }
    WorkflowsPage *workflows() const { return m_workflows; }
    RunsPage *runs() const { return m_runs; }
    StuckRunsPage *stuck() const { return m_stuck; }
    QWidget *page(Page page) const;

    void showPage(Page page);
    Page currentPage() const;
    // "connected · updated 14:02:03", "stale: …", for the status bar.
    QString connectionState() const;
    void refresh();

Q_SIGNALS:
    void connectionStateChanged(const QString &state);
    void statusMessage(const QString &message);
    void healthChanged(wf::console::Level level, const QString &summary);
    void alert(wf::console::HealthMonitor::Kind kind, const QString &title, const QString &text);

private:
    void pageChanged(int index);

    Endpoint m_endpoint;
    ApiClient *m_client = nullptr;
    StatsPoller *m_poller = nullptr;
    HealthMonitor *m_health = nullptr;
    ScalingController *m_scaling = nullptr;
    QTabWidget *m_tabs = nullptr;
    OverviewPage *m_overview = nullptr;
    CapacityPage *m_capacity = nullptr;
    WorkflowsPage *m_workflows = nullptr;
    RunsPage *m_runs = nullptr;
    StuckRunsPage *m_stuck = nullptr;
    int m_activeIndex = -1;
};

} // namespace wf::console
