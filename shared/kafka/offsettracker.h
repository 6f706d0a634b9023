#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>

#include <map>
#include <set>

namespace wf::kafka {

// Which offsets of each assigned partition may be committed. Messages are processed concurrently
// and finish out of order; the committed offset of a partition may only pass a message once that
// message is done (its effect durable), so it is the lowest offset still in flight, or one past
// the highest seen when nothing is in flight.
class OffsetTracker
{
public:
    struct Position
    {
        QByteArray topic;
        int partition;
        qint64 offset; // the next offset to consume (Kafka's commit convention)
    };

    // A new assignment of the partition: what was tracked for it before is forgotten.
    quint64 assign(const QByteArray &topic, int partition);
    void revoke(const QByteArray &topic, int partition);
    void revokeAll();

    // A message of `generation` entered processing / finished. Stale generations are ignored.
    void started(const QByteArray &topic, int partition, qint64 offset, quint64 generation);
    void done(const QByteArray &topic, int partition, qint64 offset, quint64 generation);

    // Positions that moved since the last call (and remembers them as committed).
    QList<Position> takeCommittable();
    // A commit of the partition failed: its position is offered again by the next takeCommittable().
    void commitFailed(const QByteArray &topic, int partition);
    // What is in flight, for metrics.
    int inFlight() const;
    quint64 generation(const QByteArray &topic, int partition) const;

private:
    struct State
    {
        quint64 generation = 0;
        std::set<qint64> inFlight;
        qint64 highestSeen = -1;
        qint64 committed = -1;
    };
    using Key = std::pair<QByteArray, int>;
    std::map<Key, State> m_partitions;
    quint64 m_nextGeneration = 1;
};

} // namespace wf::kafka
