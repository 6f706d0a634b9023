#pragma once

#include <QWidget>

class QTableWidget;
class QTimer;

namespace wf::console {

class ComponentScalingPanel;
class ScalingController;
class StatsPoller;

// Capacity and scaling: a panel per component (desired vs actual beside its driving signal, the
// controls) and the list of scaling decisions with their reasons, newest first.
class CapacityPage : public QWidget
{
    Q_OBJECT

public:
    CapacityPage(StatsPoller &poller, ScalingController &scaling, QWidget *parent = nullptr);

    ComponentScalingPanel *panel(const QString &component) const;
    QTableWidget *decisions() const { return m_decisions; }

public Q_SLOTS:
    void activate();
    void deactivate();

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void showEvents();

    StatsPoller &m_poller;
    ScalingController &m_scaling;
    ComponentScalingPanel *m_servers = nullptr;
    ComponentScalingPanel *m_workers = nullptr;
    QTableWidget *m_decisions = nullptr;
    QTimer *m_eventsTimer = nullptr;
};

} // namespace wf::console
