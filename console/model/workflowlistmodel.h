#pragma once

#include "pagedtablemodel.h"

namespace wf::console {

// The workflows page's rows: GET /api/v1/workflows, newest first, with their versions.
class WorkflowListModel : public PagedTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Version, Steps, Updated, Id, ColumnCount };

    explicit WorkflowListModel(ApiClient &client, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
};

} // namespace wf::console
