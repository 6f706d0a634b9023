#pragma once

#include "clusterview.h"

#include "core/settings.h"
#include "store/scalingevent.h"
#include "store/scalingstore.h"
#include "store/scalingtarget.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace wf {

// What the autoscaler concluded for one component in one evaluation.
struct AutoscaleDecision
{
    QString component;
    QString rule;     // lag_high, lag_low (workers); cpu_high, p99_high, cpu_low (servers)
    int from = 0;
    int to = 0;       // where the rule points (within the bounds)
    bool act = false; // false: it did not, for `blockedBy`
    QString blockedBy; // at_max, at_min, cool_down
    QString reason;    // one line for people: the figure, the threshold, the outcome
    QJsonObject inputs;

    // What carries it out: the new count, guarded by the one it was decided from.
    ScalingChange change() const;
    // How one it did not carry out is recorded (`acted` false, `inputs.blocked_by`).
    ScalingEvent notActed() const;
};

// The seed's trigger table (section 10) as a pure function of the cluster view: for workers,
// Kafka lag above the high mark adds `step`, below the low mark removes `step`; for servers,
// average CPU above the high mark or p99 above its limit adds, CPU below the low mark (with p99
// within its limit) removes. Nothing fires between the marks. A change waits `cooldown` after
// the component's last change (by anyone), and never leaves [min, max].
class AutoscalePolicy
{
public:
    // Requests needed in the last 10 s before p99 counts (one slow request is not a trend).
    static constexpr quint64 MinRequestsForP99 = 20;

    explicit AutoscalePolicy(AutoscaleThresholds thresholds);

    // nullopt: no rule fired (or no figures to decide on).
    std::optional<AutoscaleDecision> decide(const ScalingTarget &target, const ClusterView &view, qint64 nowMs) const;

    const AutoscaleThresholds &thresholds() const { return m_thresholds; }

private:
    std::optional<AutoscaleDecision> decideWorkers(const ScalingTarget &target, const ClusterView &view) const;
    std::optional<AutoscaleDecision> decideServers(const ScalingTarget &target, const ClusterView &view) const;

    AutoscaleThresholds m_thresholds;
};

} // namespace wf
