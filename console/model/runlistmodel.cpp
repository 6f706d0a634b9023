#include "runlistmodel.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

QColor statusColour(const QString &status)
{
    if (status == u"success"_s)
        return QColor(0x2e, 0x7d, 0x32);
    if (status == u"failed"_s)
        return QColor(0xc6, 0x28, 0x28);
    if (status == u"cancelled"_s)
        return QColor(0x75, 0x75, 0x75);
    return QColor(0x15, 0x65, 0xc0); // pending, running
}

} // namespace

RunListModel::RunListModel(ApiClient &client, QObject *parent)
    : PagedTableModel(client, u"/api/v1/runs"_s, u"run_id"_s, parent)
{
}

int RunListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const QJsonObject &run = m_items.at(index.row());
    const QString status = run.value(u"status"_s).toString();
    if (role == Qt::ForegroundRole && index.column() == Status)
        return QBrush(statusColour(status));
    if (role == Qt::UserRole)
        return run.value(u"run_id"_s).toString();
    if (role == Qt::ToolTipRole && index.column() == Error)
        return run.value(u"error"_s).toString();
    if (role != Qt::DisplayRole)
        return {};
    const QDateTime started = QDateTime::fromString(run.value(u"started_at"_s).toString(), Qt::ISODateWithMs);
    switch (index.column()) {
    case Id:
        return run.value(u"run_id"_s).toString();
    case Workflow:
        return run.value(u"workflow_id"_s).toString();
    case Status:
        return status;
    case Started:
        return started.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    case Duration: {
        const QDateTime completed = QDateTime::fromString(run.value(u"completed_at"_s).toString(), Qt::ISODateWithMs);
        if (!completed.isValid() || !started.isValid())
            return u"–"_s;
        return QCoreApplication::translate("RunListModel", "%1 ms").arg(started.msecsTo(completed));
    }
    case Error:
        return run.value(u"error"_s).toString().left(200);
    default:
        return {};
    }
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return QCoreApplication::translate("RunListModel", "Run");
    case Workflow:
        return QCoreApplication::translate("RunListModel", "Workflow");
    case Status:
        return QCoreApplication::translate("RunListModel", "Status");
    case Started:
        return QCoreApplication::translate("RunListModel", "Started");
    case Duration:
        return QCoreApplication::translate("RunListModel", "Duration");
    case Error:
        return QCoreApplication::translate("RunListModel", "Error");
    default:
        return {};
    }
}

} // namespace wf::console
