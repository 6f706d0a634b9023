#pragma once

#include "clustersnapshot.h"

#include <QAbstractTableModel>

namespace wf::console {

// The instance table of the overview: one row per server or worker that published a snapshot in
// the last seconds. Rows are updated in place while the set of instances stays the same, so a
// selection survives the refresh; a killed instance disappears within the stats' 4 s.
class InstanceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Component, Id, State, Cpu, Rss, InFlight, RequestsPerSecond, HeartbeatAge, Pid, ColumnCount };

    explicit InstanceTableModel(QObject *parent = nullptr);

    void setInstances(const QList<ClusterSnapshot::Instance> &instances);
    const QList<ClusterSnapshot::Instance> &instances() const { return m_instances; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ClusterSnapshot::Instance> m_instances;
};

} // namespace wf::console
