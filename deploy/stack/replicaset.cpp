#include "replicaset.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QPointer>

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
        const int index = int(m_children.size()) + 1;
        auto *child = new ChildProcess(m_factory(index), this);
        m_children.append(child);
        const QPointer<ChildProcess> leaving = m_leaving.value(index);
        if (leaving && leaving->running()) {
            connect(leaving, &ChildProcess::stopped, child, [child] { child->start(); });
            connect(leaving, &QObject::destroyed, child, [child] {
                if (!child->running())
                    child->start();
            });
        } else {
            child->start();
        }
    }
    while (m_children.size() > count) {
        const int index = int(m_children.size());
        ChildProcess *child = m_children.takeLast();
        m_leaving.insert(index, child);
        connect(child, &ChildProcess::stopped, child, &QObject::deleteLater);
        if (m_stopHook)
            m_stopHook(child, [child = QPointer<ChildProcess>(child)] {
                if (child)
                    child->stop();
            });
        else
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
    // Replicas on their way out (finishing their requests or runs) are not serving any more.
    QJsonArray draining;
    for (const QPointer<ChildProcess> &leaving : m_leaving) {
        if (leaving && leaving->running())
            draining.append(leaving->pid());
    }
    QJsonObject object = extra;
    object.insert(u"desired"_s, m_desired);
    object.insert(u"actual"_s, actual());
    object.insert(u"pids"_s, pidArray);
    object.insert(u"draining"_s, draining);
    object.insert(u"restarts"_s, restarts);
    return object;
}

} // namespace wf::stack
