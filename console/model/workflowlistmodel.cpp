#include "workflowlistmodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wf::console {

WorkflowListModel::WorkflowListModel(ApiClient &client, QObject *parent)
    : PagedTableModel(client, u"/api/v1/workflows"_s, u"workflow_id"_s, parent)
{
}

int WorkflowListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkflowListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const QJsonObject &workflow = m_items.at(index.row());
    if (role == Qt::UserRole)
        return workflow.value(u"workflow_id"_s).toString();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return workflow.value(u"name"_s).toString();
    case Version:
        return workflow.value(u"version"_s).toInt();
    case Steps:
        return int(workflow.value(u"steps"_s).toArray().size());
    case Updated:
        return QDateTime::fromString(workflow.value(u"updated_at"_s).toString(), Qt::ISODateWithMs)
                .toLocalTime()
                .toString(u"yyyy-MM-dd HH:mm:ss"_s);
    case Id:
        return workflow.value(u"workflow_id"_s).toString();
    default:
        return {};
    }
}

QVariant WorkflowListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return QCoreApplication::translate("WorkflowListModel", "Name");
    case Version:
        return QCoreApplication::translate("WorkflowListModel", "Version");
    case Steps:
        return QCoreApplication::translate("WorkflowListModel", "Steps");
    case Updated:
        return QCoreApplication::translate("WorkflowListModel", "Updated");
    case Id:
        return QCoreApplication::translate("WorkflowListModel", "Workflow id");
    default:
        return {};
    }
}

} // namespace wf::console
