#include "healthmonitor.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

namespace wf::console {

HealthMonitor::HealthMonitor(Thresholds thresholds, QObject *parent) : QObject(parent), m_thresholds(thresholds) { }

void HealthMonitor::episode(const QString &key, Kind kind, bool holds, const QString &title, const QString &text)
{
    const bool wasOpen = m_open.value(key);
    m_open.insert(key, holds);
    if (holds) {
        m_conditions.append(text);
        if (!wasOpen)
            Q_EMIT alert(kind, title, text);
    }
}

void HealthMonitor::observe(const ClusterSnapshot &snapshot, const QDateTime &now)
{
    const QStringList beforeConditions = m_conditions;
    m_conditions.clear();
    const Level before = m_level;
    bool critical = false;

    // Dead letters: growing since the last snapshot. The episode lasts while it keeps growing.
    const bool growing = !std::isnan(snapshot.deadLetters) && m_deadLetters >= 0 && snapshot.deadLetters > m_deadLetters;
    episode(u"dlq"_s, Kind::DeadLetters, growing, tr("Dead letters growing"),
            tr("%1 dead letters (+%2): messages no worker could handle are piling up in workflow.dlq.")
                    .arg(snapshot.deadLetters)
                    .arg(snapshot.deadLetters - m_deadLetters));
    if (!std::isnan(snapshot.deadLetters))
        m_deadLetters = snapshot.deadLetters;

    const bool failing = snapshot.runFailurePercent > m_thresholds.errorPercent;
    episode(u"failures"_s, Kind::RunFailures, failing, tr("Runs failing"),
            tr("%1 % of the runs that ended in the last 10 s failed (threshold %2 %).")
                    .arg(snapshot.runFailurePercent, 0, 'f', 1)
                    .arg(m_thresholds.errorPercent));
    critical = critical || failing;

    const bool erring = snapshot.http5xxPercent > m_thresholds.errorPercent;
    episode(u"5xx"_s, Kind::ServerErrors, erring, tr("Server errors"),
            tr("%1 % of requests in the last 10 s answered 5xx (threshold %2 %).")
                    .arg(snapshot.http5xxPercent, 0, 'f', 1)
                    .arg(m_thresholds.errorPercent));
    critical = critical || erring;

    const bool slow = snapshot.latencyP99Ms > m_thresholds.p99HighMs;
    episode(u"p99"_s, Kind::Latency, slow, tr("Slow answers"),
            tr("p99 latency %1 ms is above %2 ms.").arg(snapshot.latencyP99Ms, 0, 'f', 0).arg(m_thresholds.p99HighMs));

    for (auto it = snapshot.components.begin(); it != snapshot.components.end(); ++it) {
        const ClusterSnapshot::Component &component = it.value();
        const bool shortNow = component.desired >= 0 && component.actual >= 0 && component.actual < component.desired;
        if (!shortNow)
            m_shortSince.remove(it.key());
        else if (!m_shortSince.contains(it.key()))
            m_shortSince.insert(it.key(), now);
        const bool longShort = shortNow && m_shortSince.value(it.key()).secsTo(now) >= m_thresholds.belowDesiredSeconds;
        episode(u"short:"_s + it.key(), Kind::BelowDesired, longShort, tr("Replicas missing"),
                tr("%1: %2 of %3 desired replicas run, for %4 s now.")
                        .arg(it.key())
                        .arg(component.actual)
                        .arg(component.desired)
                        .arg(m_shortSince.value(it.key()).secsTo(now)));
        critical = critical || longShort;
    }

    m_level = m_conditions.isEmpty() ? Level::Good : critical ? Level::Critical : Level::Warning;
    if (m_level != before || m_conditions != beforeConditions)
        Q_EMIT levelChanged(m_level, m_conditions.isEmpty() ? tr("Healthy") : m_conditions.join(u'\n'));
}

void HealthMonitor::observeStale(const QString &why)
{
    if (m_level == Level::Unknown)
        return;
    m_level = Level::Unknown;
    m_conditions = {why};
    Q_EMIT levelChanged(m_level, why);
}

} // namespace wf::console
