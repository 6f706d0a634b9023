#pragma once

#include "model/clustersnapshot.h"
#include "model/scalingevent.h"

#include <QGroupBox>

#include <functional>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace wf::console {

class ScalingController;
class StatsHistory;
class TimeSeriesChart;

// The capacity of one component (server or worker): desired and actual replicas over time,
// stepped, beside the signal that drives it (Kafka lag for workers; CPU and p99 for servers),
// with the scaling decisions marked on the time axis; and the controls to change the desired
// count, the bounds and the autoscaler, each after a confirmation.
class ComponentScalingPanel : public QGroupBox
{
    Q_OBJECT

public:
    // Returns true to go ahead; the default asks with a dialog (tests answer themselves).
    using Confirm = std::function<bool(const QString &question)>;

    ComponentScalingPanel(QString component, ScalingController &scaling, QWidget *parent = nullptr);

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void showSnapshot(const ClusterSnapshot &snapshot);
    void showHistory(const StatsHistory &history);
    void showEvents(const QList<ScalingEvent> &events);

    // The controls, for keyboard focus and tests.
    QSpinBox *desiredBox() const { return m_desired; }
    void applyDesired();
    void applyAutoscale();
    QString statusText() const;
    QString errorText() const;
    TimeSeriesChart *chart() const { return m_chart; }

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    QString m_component;
    ScalingController &m_scaling;
    Confirm m_confirm;
    TimeSeriesChart *m_chart = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr; // the last refusal, until the next change
    QSpinBox *m_desired = nullptr;
    QPushButton *m_applyDesired = nullptr;
    QCheckBox *m_autoscale = nullptr;
    QSpinBox *m_min = nullptr;
    QSpinBox *m_max = nullptr;
    QPushButton *m_applyAutoscale = nullptr;
    ClusterSnapshot::Component m_current;
    bool m_seen = false;
    bool m_editing = false; // the operator touched the desired box: live values stop overwriting it
};

} // namespace wf::console
