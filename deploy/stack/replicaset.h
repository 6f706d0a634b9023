#pragma once

#include "childprocess.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace wf::stack {

// N interchangeable children of one component (servers, workers). Growing starts replicas with
// the next indexes; shrinking stops the highest ones first (gracefully, with the stop signal).
class ReplicaSet : public QObject
{
public:
    using SpecFactory = std::function<ChildProcess::Spec(int index)>;

    ReplicaSet(QString component, SpecFactory factory, QObject *parent = nullptr);

    const QString &component() const { return m_component; }
    void setDesired(int count);
    int desired() const { return m_desired; }
    int actual() const;
    QList<qint64> pids() const;
    // Stops all replicas and waits for them.
    void stopAll(int timeoutMs);
    // {"desired": n, "actual": n, "pids": [...], "restarts": n} plus `extra`.
    QJsonObject status(const QJsonObject &extra = {}) const;

private:
    QString m_component;
    SpecFactory m_factory;
    int m_desired = 0;
    QList<ChildProcess *> m_children;
};

} // namespace wf::stack
