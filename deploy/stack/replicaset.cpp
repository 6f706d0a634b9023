#include "replicaset.h"

#include <QDeadlineTimer>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wf::stack {

ReplicaSet::ReplicaSet(QString component, SpecFactory factory, QObject *parent)
    : QObject(parent), m_component(std::move(component)), m_factory(std::move(factory))
{
}

void ReplicaSet::setDesired(int count)
{
    m_desired = count;
    while (m_children.size() < count) {
        auto *child = new ChildProcess(m_factory(int(m_children.size()) + 1), this);
        m_children.append(child);
        child->start();
    }
    while (m_children.size() > count) {
        ChildProcess *child = m_children.takeLast();
        connect(child, &ChildProcess::stopped, child, &QObject::deleteLater);
        child->stop();
    }
}

int ReplicaSet::actual() const
{
    return int(std::count_if(m_children.begin(), m_children.end(), [](ChildProcess *child) { return child->running(); }));
}

QList<qint64> ReplicaSet::pids() const
{
    QList<qint64> out;
    for (ChildProcess *child : m_children) {
        if (child->running())
            out.append(child->pid());
    }
    return out;
}

void ReplicaSet::stopAll(int timeoutMs)
{
    m_desired = 0;
    for (ChildProcess *child : std::as_const(m_children))
        child->stop();
    const QDeadlineTimer deadline(timeoutMs);
    for (ChildProcess *child : std::as_const(m_children))
        child->waitStopped(int(qMax<qint64>(0, deadline.remainingTime())));
    qDeleteAll(m_children);
    m_children.clear();
}

QJsonObject ReplicaSet::status(const QJsonObject &extra) const
{
    QJsonArray pidArray;
    int restarts = 0;
    for (ChildProcess *child : m_children) {
        if (child->running())
            pidArray.append(child->pid());
        restarts += child->restarts();
    }
    QJsonObject object = extra;
    object.insert(u"desired"_s, m_desired);
    object.insert(u"actual"_s, actual());
    object.insert(u"pids"_s, pidArray);
    object.insert(u"restarts"_s, restarts);
    return object;
}

} // namespace wf::stack
