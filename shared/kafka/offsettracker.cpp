#include "offsettracker.h"

namespace wf::kafka {

quint64 OffsetTracker::assign(const QByteArray &topic, int partition)
{
    State &state = m_partitions[{topic, partition}];
    state = State{};
    state.generation = m_nextGeneration++;
    return state.generation;
}

void OffsetTracker::revoke(const QByteArray &topic, int partition)
{
    m_partitions.erase({topic, partition});
}

void OffsetTracker::revokeAll()
{
    m_partitions.clear();
}

quint64 OffsetTracker::generation(const QByteArray &topic, int partition) const
{
    const auto it = m_partitions.find({topic, partition});
    return it == m_partitions.end() ? 0 : it->second.generation;
}

void OffsetTracker::started(const QByteArray &topic, int partition, qint64 offset, quint64 generation)
{
    const auto it = m_partitions.find({topic, partition});
    if (it == m_partitions.end() || it->second.generation != generation)
        return;
    it->second.inFlight.insert(offset);
    it->second.highestSeen = std::max(it->second.highestSeen, offset);
}

void OffsetTracker::done(const QByteArray &topic, int partition, qint64 offset, quint64 generation)
{
    const auto it = m_partitions.find({topic, partition});
    if (it == m_partitions.end() || it->second.generation != generation)
        return;
    it->second.inFlight.erase(offset);
}

QList<OffsetTracker::Position> OffsetTracker::takeCommittable()
{
    QList<Position> out;
    for (auto &[key, state] : m_partitions) {
        if (state.highestSeen < 0)
            continue;
        const qint64 next = state.inFlight.empty() ? state.highestSeen + 1 : *state.inFlight.begin();
        if (next > state.committed) {
            state.committed = next;
            out.append({key.first, key.second, next});
        }
    }
    return out;
}

void OffsetTracker::commitFailed(const QByteArray &topic, int partition)
{
    const auto it = m_partitions.find({topic, partition});
    if (it != m_partitions.end())
        it->second.committed = -1;
}

int OffsetTracker::inFlight() const
{
    int total = 0;
    for (const auto &[key, state] : m_partitions)
        total += int(state.inFlight.size());
    return total;
}

} // namespace wf::kafka
