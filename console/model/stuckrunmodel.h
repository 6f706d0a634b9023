#pragma once

#include "client/apiresponse.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

namespace wf::console {

class ApiClient;

// Runs that are not moving, with the platform's reason for each: GET /api/v1/admin/runs/stuck
// (pending longer than `pendingSeconds` since their last trigger message, or running under an
// expired lease), the longest stuck first. One list, not paged: the API answers up to 1000.
class StuckRunModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Run, Workflow, Status, StuckFor, LeaseOwner, Executions, Reason, ColumnCount };

    explicit StuckRunModel(ApiClient &client, QObject *parent = nullptr);

    void setPendingSeconds(int seconds) { m_pendingSeconds = seconds; }
    int pendingSeconds() const { return m_pendingSeconds; }
    // Asks again (one request at a time). The same runs in the same order keep their rows, so a
    // refresh every few seconds leaves the operator's selection alone.
    void refresh();

    const QJsonObject &item(int row) const { return m_items.at(row); }
    QString idAt(int row) const;
    bool loaded() const { return m_loaded; }
    bool loading() const { return m_pending; }
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void refreshed();
    void failed(const QString &message);

private:
    void setItems(QList<QJsonObject> items);

    ApiClient &m_client;
    QList<QJsonObject> m_items;
    QString m_lastError;
    int m_pendingSeconds = 60;
    bool m_pending = false;
    bool m_loaded = false;
};

} // namespace wf::console
