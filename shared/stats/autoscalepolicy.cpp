#include "autoscalepolicy.h"

using namespace Qt::StringLiterals;

namespace wf {

namespace {

AutoscaleDecision fire(const ScalingTarget &target, const QString &rule, int delta, QString why, QJsonObject inputs)
{
    AutoscaleDecision decision;
    decision.component = target.component;
    decision.rule = rule;
    decision.from = target.desired;
    decision.to = qBound(target.min, target.desired + delta, target.max);
    decision.reason = std::move(why);
    decision.inputs = std::move(inputs);
    return decision;
}

} // namespace

ScalingChange AutoscaleDecision::change() const
{
    ScalingChange change;
    change.replicas = to;
    change.expectedDesired = from;
    change.source = u"autoscaler"_s;
    change.reason = reason;
    change.rule = rule;
    change.inputs = inputs;
    return change;
}

ScalingEvent AutoscaleDecision::notActed() const
{
    ScalingEvent event;
    event.component = component;
    event.from = from;
    event.to = to;
    event.source = u"autoscaler"_s;
    event.reason = reason;
    event.rule = rule;
    event.inputs = inputs;
    event.inputs.insert(u"blocked_by"_s, blockedBy);
    event.acted = false;
    return event;
}

AutoscalePolicy::AutoscalePolicy(AutoscaleThresholds thresholds) : m_thresholds(thresholds) { }

std::optional<AutoscaleDecision> AutoscalePolicy::decideWorkers(const ScalingTarget &target, const ClusterView &view) const
{
    const std::optional<qint64> lag = view.lag();
    if (!lag)
        return std::nullopt;
    QJsonObject inputs{{u"kafka_lag"_s, double(*lag)},
                       {u"lag_high"_s, double(m_thresholds.workerLagHigh)},
                       {u"lag_low"_s, double(m_thresholds.workerLagLow)},
                       {u"workers"_s, view.instanceCount(u"worker"_s, true)}};
    if (*lag > m_thresholds.workerLagHigh)
        return fire(target, u"lag_high"_s, m_thresholds.workerStep,
                    u"Kafka lag %1 > %2"_s.arg(*lag).arg(m_thresholds.workerLagHigh), inputs);
    if (*lag < m_thresholds.workerLagLow)
        return fire(target, u"lag_low"_s, -m_thresholds.workerStep,
                    u"Kafka lag %1 < %2"_s.arg(*lag).arg(m_thresholds.workerLagLow), inputs);
    return std::nullopt;
}

std::optional<AutoscaleDecision> AutoscalePolicy::decideServers(const ScalingTarget &target, const ClusterView &view) const
{
    const std::optional<double> cpu = view.averageCpuPercent(u"server"_s, 10);
    if (!cpu)
        return std::nullopt;
    const LatencyHistogram latency = view.totals(10).latency;
    const bool enoughRequests = latency.count() >= MinRequestsForP99;
    const double p99 = enoughRequests ? latency.quantileMs(0.99) : -1;
    QJsonObject inputs{{u"cpu_percent"_s, qRound(*cpu * 10) / 10.0},
                       {u"cpu_high"_s, m_thresholds.serverCpuHigh},
                       {u"cpu_low"_s, m_thresholds.serverCpuLow},
                       {u"p99_ms"_s, enoughRequests ? QJsonValue(qRound(p99 * 10) / 10.0) : QJsonValue()},
                       {u"p99_high_ms"_s, m_thresholds.serverP99HighMs},
                       {u"requests_10s"_s, double(latency.count())},
                       {u"servers"_s, view.instanceCount(u"server"_s, true)}};
    if (*cpu > m_thresholds.serverCpuHigh)
        return fire(target, u"cpu_high"_s, m_thresholds.serverStep,
                    u"server CPU %1% > %2%"_s.arg(*cpu, 0, 'f', 1).arg(m_thresholds.serverCpuHigh), inputs);
    if (p99 > m_thresholds.serverP99HighMs)
        return fire(target, u"p99_high"_s, m_thresholds.serverStep,
                    u"p99 %1 ms > %2 ms"_s.arg(p99, 0, 'f', 0).arg(m_thresholds.serverP99HighMs), inputs);
    if (*cpu < m_thresholds.serverCpuLow)
        return fire(target, u"cpu_low"_s, -m_thresholds.serverStep,
                    u"server CPU %1% < %2%"_s.arg(*cpu, 0, 'f', 1).arg(m_thresholds.serverCpuLow), inputs);
    return std::nullopt;
}

std::optional<AutoscaleDecision> AutoscalePolicy::decide(const ScalingTarget &target, const ClusterView &view, qint64 nowMs) const
{
    std::optional<AutoscaleDecision> decision;
    int cooldownSeconds = 0;
    if (target.component == u"worker"_s) {
        decision = decideWorkers(target, view);
        cooldownSeconds = m_thresholds.workerCooldownSeconds;
    } else if (target.component == u"server"_s) {
        decision = decideServers(target, view);
        cooldownSeconds = m_thresholds.serverCooldownSeconds;
    }
    if (!decision)
        return std::nullopt;
    const qint64 sinceChangeMs = nowMs - target.updatedAtMicros / 1000;
    decision->inputs.insert(u"seconds_since_last_change"_s, qRound64(double(sinceChangeMs) / 100.0) / 10.0);
    decision->inputs.insert(u"cooldown_seconds"_s, cooldownSeconds);
    decision->inputs.insert(u"min"_s, target.min);
    decision->inputs.insert(u"max"_s, target.max);
    if (decision->to == decision->from) {
        decision->blockedBy = decision->to >= target.max ? u"at_max"_s : u"at_min"_s;
        decision->reason += decision->blockedBy == u"at_max"_s ? u"; already at max %1"_s.arg(target.max)
                                                               : u"; already at min %1"_s.arg(target.min);
    } else if (sinceChangeMs < qint64(cooldownSeconds) * 1000) {
        decision->blockedBy = u"cool_down"_s;
        decision->reason += u"; cool-down: last change %1 s ago, %2 s needed"_s.arg(double(sinceChangeMs) / 1000.0, 0, 'f', 1).arg(cooldownSeconds);
    } else {
        decision->act = true;
        decision->reason += u"; %1 → %2"_s.arg(decision->from).arg(decision->to);
    }
    return decision;
}

} // namespace wf
