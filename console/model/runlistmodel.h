#pragma once

#include "pagedtablemodel.h"

namespace wf::console {

// The run browser's rows: GET /api/v1/runs, newest first, filtered by status and workflow.
class RunListModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Workflow, Status, Started, Duration, Error, ColumnCount };

    explicit RunListModel(ApiClient &client, QObject *parent = nullptr);

    void setStatusFilter(const QString &status) { setFilter(QStringLiteral("status"), status); }
    void setWorkflowFilter(const QString &workflowId) { setFilter(QStringLiteral("workflow_id"), workflowId); }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

} // namespace wf::console
