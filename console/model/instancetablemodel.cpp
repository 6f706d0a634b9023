#include "instancetablemodel.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

QString orDash(double value, int decimals)
{
    return std::isnan(value) ? u"–"_s : QString::number(value, 'f', decimals);
}

} // namespace

InstanceTableModel::InstanceTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void InstanceTableModel::setInstances(const QList<ClusterSnapshot::Instance> &instances)
{
    const bool sameRows = instances.size() == m_instances.size()
                          && std::equal(instances.begin(), instances.end(), m_instances.begin(),
                                        [](const auto &a, const auto &b) { return a.id == b.id && a.component == b.component; });
    if (!sameRows) {
        beginResetModel();
        m_instances = instances;
        endResetModel();
        return;
    }
    m_instances = instances;
    if (!m_instances.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int InstanceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_instances.size());
}

int InstanceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InstanceTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_instances.size())
        return {};
    const ClusterSnapshot::Instance &instance = m_instances.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Cpu ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ForegroundRole && index.column() == State && (instance.draining || instance.state != u"serving"_s))
        return QBrush(QColor(0xb3, 0x6b, 0x00));
    if (role == Qt::ForegroundRole && index.column() == HeartbeatAge && instance.heartbeatAgeMs > 2500)
        return QBrush(QColor(0xc6, 0x28, 0x28));
    if (role == Qt::UserRole)
        return instance.id;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Component:
        return instance.component;
    case Id:
        return instance.id;
    case State:
        return instance.draining ? QCoreApplication::translate("InstanceTableModel", "draining") : instance.state;
    case Cpu:
        return orDash(instance.cpuPercent10s, 1);
    case Rss:
        return orDash(instance.rssBytes / (1024.0 * 1024.0), 1);
    case InFlight:
        return instance.inFlight;
    case RequestsPerSecond:
        return orDash(instance.requestsPerSecond, 1);
    case HeartbeatAge:
        return orDash(instance.heartbeatAgeMs / 1000.0, 1);
    case Pid:
        return instance.pid;
    default:
        return {};
    }
}

QVariant InstanceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Component:
        return QCoreApplication::translate("InstanceTableModel", "Component");
    case Id:
        return QCoreApplication::translate("InstanceTableModel", "Instance");
    case State:
        return QCoreApplication::translate("InstanceTableModel", "State");
    case Cpu:
        return QCoreApplication::translate("InstanceTableModel", "CPU % (10 s)");
    case Rss:
        return QCoreApplication::translate("InstanceTableModel", "RSS (MiB)");
    case InFlight:
        return QCoreApplication::translate("InstanceTableModel", "In flight");
    case RequestsPerSecond:
        return QCoreApplication::translate("InstanceTableModel", "Requests/s");
    case HeartbeatAge:
        return QCoreApplication::translate("InstanceTableModel", "Heartbeat age (s)");
    case Pid:
        return QCoreApplication::translate("InstanceTableModel", "PID");
    default:
        return {};
    }
}

} // namespace wf::console
