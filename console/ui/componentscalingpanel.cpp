#include "componentscalingpanel.h"

#include "model/scalingcontroller.h"
#include "model/statshistory.h"
#include "timeserieschart.h"

#include <QCheckBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wf::console {

ComponentScalingPanel::ComponentScalingPanel(QString component, ScalingController &scaling, QWidget *parent)
    : QGroupBox(parent), m_component(std::move(component)), m_scaling(scaling)
{
    const bool workers = m_component == u"worker"_s;
    setTitle(workers ? tr("Workers") : tr("API servers"));
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Change replicas"), question, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel)
               == QMessageBox::Yes;
    };
    auto *layout = new QVBoxLayout(this);
    m_chart = new TimeSeriesChart(workers ? tr("Workers and Kafka lag") : tr("Servers, CPU and p99 latency"), this);
    m_chart->addLine(m_component + u"_desired"_s, tr("desired"), TimeSeriesChart::Axis::Left, true);
    m_chart->addLine(m_component + u"_instances"_s, tr("actual"), TimeSeriesChart::Axis::Left, true);
    if (workers) {
        m_chart->addLine(u"kafka_lag"_s, tr("Kafka lag"), TimeSeriesChart::Axis::Right);
        m_chart->setAxisTitles(tr("replicas"), tr("messages"));
    } else {
        m_chart->addLine(u"server_cpu_percent"_s, tr("CPU %"), TimeSeriesChart::Axis::Right);
        m_chart->addLine(u"latency_p99_ms"_s, tr("p99 ms"), TimeSeriesChart::Axis::Right);
        m_chart->setAxisTitles(tr("replicas"), tr("CPU % · p99 ms"));
    }
    m_chart->setMarkers({}, tr("scaling decisions"));
    layout->addWidget(m_chart, 1);

    m_status = new QLabel(this);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"QLabel { color: #c62828; }"_s);
    m_error->hide();
    layout->addWidget(m_error);

    auto *controls = new QGridLayout();
    layout->addLayout(controls);
    m_desired = new QSpinBox(this);
    m_desired->setRange(0, 10000);
    m_desired->setAccessibleName(tr("Desired replicas"));
    connect(m_desired, &QSpinBox::valueChanged, this, [this] { m_editing = m_desired->hasFocus() || m_editing; });
    m_applyDesired = new QPushButton(tr("Set replicas…"), this);
    connect(m_applyDesired, &QPushButton::clicked, this, &ComponentScalingPanel::applyDesired);
    controls->addWidget(new QLabel(tr("Desired replicas:"), this), 0, 0);
    controls->addWidget(m_desired, 0, 1);
    controls->addWidget(m_applyDesired, 0, 2);

    m_autoscale = new QCheckBox(tr("Autoscaler"), this);
    m_min = new QSpinBox(this);
    m_min->setRange(0, 10000);
    m_min->setPrefix(tr("min "));
    m_max = new QSpinBox(this);
    m_max->setRange(0, 10000);
    m_max->setPrefix(tr("max "));
    m_applyAutoscale = new QPushButton(tr("Apply bounds…"), this);
    connect(m_applyAutoscale, &QPushButton::clicked, this, &ComponentScalingPanel::applyAutoscale);
    auto *bounds = new QHBoxLayout();
    bounds->addWidget(m_autoscale);
    bounds->addWidget(m_min);
    bounds->addWidget(m_max);
    controls->addLayout(bounds, 1, 0, 1, 2);
    controls->addWidget(m_applyAutoscale, 1, 2);
    setEnabled(false); // until the first snapshot says what is
}

QString ComponentScalingPanel::statusText() const
{
    return m_status->text();
}

QString ComponentScalingPanel::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void ComponentScalingPanel::showSnapshot(const ClusterSnapshot &snapshot)
{
    const ClusterSnapshot::Component component = snapshot.components.value(m_component);
    const bool first = !m_seen;
    m_seen = true;
    setEnabled(true);
    QString text = tr("desired %1 · actual %2 · bounds %3–%4 · autoscaler %5 · %6 in flight")
                           .arg(component.desired)
                           .arg(component.actual)
                           .arg(component.min)
                           .arg(component.max)
                           .arg(component.autoscale ? tr("on") : tr("off"))
                           .arg(component.inFlight);
    if (component.actual != component.desired)
        text += u"  —  "_s + tr("converging: %1 → %2").arg(component.actual).arg(component.desired);
    m_status->setText(text);
    // Live values follow the platform unless the operator is editing them.
    if (first || (!m_editing && !m_desired->hasFocus())) {
        m_desired->setRange(component.min, component.max);
        m_desired->setValue(component.desired);
        m_editing = false;
    }
    if (first || (!m_min->hasFocus() && !m_max->hasFocus() && !m_autoscale->hasFocus()
                  && (component.min != m_current.min || component.max != m_current.max || component.autoscale != m_current.autoscale))) {
        m_autoscale->setChecked(component.autoscale);
        m_min->setValue(component.min);
        m_max->setValue(component.max);
    }
    m_current = component;
}

void ComponentScalingPanel::showHistory(const StatsHistory &history)
{
    for (const QString &figure : history.figures())
        m_chart->setPoints(figure, history.series(figure));
    m_chart->refresh(std::max<qint64>(history.lastT(), QDateTime::currentMSecsSinceEpoch() - 1000));
}

void ComponentScalingPanel::showEvents(const QList<ScalingEvent> &events)
{
    QList<qint64> times;
    for (const ScalingEvent &event : events) {
        if (event.component == m_component && event.acted && event.at.isValid())
            times.append(event.at.toMSecsSinceEpoch());
    }
    m_chart->setMarkers(times, tr("scaling decisions"));
}

void ComponentScalingPanel::applyDesired()
{
    const int replicas = m_desired->value();
    const QString name = m_component == u"worker"_s ? tr("workers") : tr("API servers");
    if (!m_confirm(tr("Set %1 from %2 to %3 replicas?").arg(name).arg(m_current.desired).arg(replicas))) {
        m_editing = false;
        return;
    }
    m_applyDesired->setEnabled(false);
    m_scaling.setReplicas(m_component, replicas, tr("set in wf-console"), [this](const ApiResponse &response) {
        m_applyDesired->setEnabled(true);
        m_editing = false;
        Q_EMIT statusMessage(response.ok() ? tr("%1: desired replicas set; watch actual follow.").arg(m_component)
                                           : response.message());
        m_error->setText(response.ok() ? QString() : tr("Change refused: %1").arg(response.message()));
        m_error->setVisible(!response.ok());
    });
}

void ComponentScalingPanel::applyAutoscale()
{
    const bool on = m_autoscale->isChecked();
    const int min = m_min->value();
    const int max = m_max->value();
    if (!m_confirm(tr("%1 the autoscaler for %2 with bounds %3–%4?")
                           .arg(on ? tr("Turn on") : tr("Turn off"), m_component)
                           .arg(min)
                           .arg(max)))
        return;
    m_applyAutoscale->setEnabled(false);
    m_scaling.setAutoscale(m_component, on, min, max, [this](const ApiResponse &response) {
        m_applyAutoscale->setEnabled(true);
        Q_EMIT statusMessage(response.ok() ? tr("%1: autoscaler settings applied.").arg(m_component) : response.message());
        m_error->setText(response.ok() ? QString() : tr("Change refused: %1").arg(response.message()));
        m_error->setVisible(!response.ok());
    });
}

} // namespace wf::console
