#pragma once

#include "clustersnapshot.h"
#include "thresholds.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

namespace wf::console {

// The platform's health from its snapshots, and the episodes worth a desktop notification: the
// dead-letter count grows, the run failure rate, the 5xx rate or p99 crosses its threshold, a
// component stays below its desired replicas. Each episode alerts once, when it starts; it ends
// when its condition clears, and only a new episode alerts again.
class HealthMonitor : public QObject
{
    Q_OBJECT

public:
    enum class Kind { DeadLetters, RunFailures, ServerErrors, Latency, BelowDesired };
    Q_ENUM(Kind)

    explicit HealthMonitor(Thresholds thresholds = {}, QObject *parent = nullptr);

    // `now` for tests; a live view passes the snapshot's arrival time.
    void observe(const ClusterSnapshot &snapshot, const QDateTime &now);
    // No answer from the platform: health is unknown (no episode starts or ends).
    void observeStale(const QString &why);

    Level level() const { return m_level; }
    // One line per condition that holds now ("" when healthy).
    QStringList conditions() const { return m_conditions; }
    const Thresholds &thresholds() const { return m_thresholds; }

Q_SIGNALS:
    void levelChanged(wf::console::Level level, const QString &summary);
    void alert(wf::console::HealthMonitor::Kind kind, const QString &title, const QString &text);

private:
    void episode(const QString &key, Kind kind, bool holds, const QString &title, const QString &text);

    Thresholds m_thresholds;
    Level m_level = Level::Unknown;
    QStringList m_conditions;
    QHash<QString, bool> m_open;           // episode key → ongoing
    QHash<QString, QDateTime> m_shortSince; // component → first snapshot below desired
    double m_deadLetters = -1;
};

} // namespace wf::console
