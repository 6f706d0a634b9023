#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

namespace wf::console {

// The step_results of one run (GET /api/v1/runs/{id}) in the order the steps ran: status,
// attempts, when, how long, the error and the output each step saved.
class StepResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Step, Status, Attempts, Started, Duration, Error, Output, ColumnCount };

    explicit StepResultModel(QObject *parent = nullptr);

    // The run's "step_results" object (keyed by step name); rows are replaced only if it changed.
    void setResults(const QJsonObject &stepResults);
    const QJsonObject &result(int row) const { return m_results.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QJsonObject m_source;
    QList<QJsonObject> m_results;
};

} // namespace wf::console
