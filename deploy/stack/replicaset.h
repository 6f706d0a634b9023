#pragma once

#include "childprocess.h"

#include <QJsonObject>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace wf::stack {

// N interchangeable children of one component (servers, workers). Growing starts replicas with
// the next indexes; shrinking stops the highest ones first (gracefully, with the stop signal).
class ReplicaSet : public QObject
{
public:
    using SpecFactory = std::function<ChildProcess::Spec(int index)>;
    // Called instead of stopping a replica at once: the owner prepares (e.g. takes it out of the
    // load balancer) and calls `stopNow` when the replica may receive its stop signal.
    using StopHook = std::function<void(ChildProcess *child, std::function<void()> stopNow)>;

    ReplicaSet(QString component, SpecFactory factory, QObject *parent = nullptr);

    const QString &component() const { return m_component; }
    void setStopHook(StopHook hook) { m_stopHook = std::move(hook); }
    // The replicas wanted now, in index order (replica i is children()[i - 1]).
    const QList<ChildProcess *> &children() const { return m_children; }
    void setDesired(int count);
    int desired() const { return m_desired; }
    int actual() const;
    QList<qint64> pids() const;
    // Stops all replicas and waits for them.
    void stopAll(int timeoutMs);
    // {"desired": n, "actual": n, "pids": [...], "draining": [...], "restarts": n} plus `extra`;
    // `pids` are the serving replicas, `draining` the ones on their way out.
    QJsonObject status(const QJsonObject &extra = {}) const;

private:
    QString m_component;
    SpecFactory m_factory;
    StopHook m_stopHook;
    int m_desired = 0;
    QList<ChildProcess *> m_children;
    // Replicas on their way out, by index: a new replica with the same index (name, ports) waits
    // until the old one has exited.
    QHash<int, QPointer<ChildProcess>> m_leaving;
};

} // namespace wf::stack
