#include "stuckrunmodel.h"

#include "displayformat.h"

#include "client/apiclient.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

constexpr int kLimit = 1000; // the API's largest page

} // namespace

StuckRunModel::StuckRunModel(ApiClient &client, QObject *parent) : QAbstractTableModel(parent), m_client(client) { }

void StuckRunModel::refresh()
{
    if (m_pending)
        return;
    m_pending = true;
    const QString path = u"/api/v1/admin/runs/stuck?pending_seconds=%1&limit=%2"_s.arg(m_pendingSeconds).arg(kLimit);
    m_client.get(path, this, [this](const ApiResponse &response) {
        m_pending = false;
        if (!response.ok()) {
            m_lastError = response.message();
            Q_EMIT failed(m_lastError);
            return;
        }
        m_lastError.clear();
        m_loaded = true;
        QList<QJsonObject> items;
        for (const QJsonValue &item : response.object().value(u"items"_s).toArray())
            items.append(item.toObject());
        setItems(std::move(items));
        Q_EMIT refreshed();
    });
}

void StuckRunModel::setItems(QList<QJsonObject> items)
{
    bool sameRuns = items.size() == m_items.size();
    for (qsizetype row = 0; sameRuns && row < items.size(); ++row)
        sameRuns = items.at(row).value(u"run_id"_s) == m_items.at(row).value(u"run_id"_s);
    if (!sameRuns) {
        beginResetModel();
        m_items = std::move(items);
        endResetModel();
        return;
    }
    // Only the figures moved (stuck_seconds grows, a reason changes).
    m_items = std::move(items);
    if (!m_items.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_items.size()) - 1, ColumnCount - 1));
}

QString StuckRunModel::idAt(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items.at(row).value(u"run_id"_s).toString() : QString();
}

int StuckRunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int StuckRunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StuckRunModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const QJsonObject &run = m_items.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Reason)
        return run.value(u"reason"_s).toString();
    if (role == Qt::UserRole)
        return run.value(u"run_id"_s).toString();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Run:
        return run.value(u"run_id"_s).toString();
    case Workflow:
        return run.value(u"workflow_id"_s).toString();
    case Status:
        return run.value(u"status"_s).toString();
    case StuckFor:
        return formatDurationMs(run.value(u"stuck_seconds"_s).toDouble() * 1000);
    case LeaseOwner:
        return run.value(u"lease_owner"_s).toString();
    case Executions:
        return run.value(u"executions"_s).toInt();
    case Reason:
        return run.value(u"reason"_s).toString();
    default:
        return {};
    }
}

QVariant StuckRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Run:
        return tr("Run");
    case Workflow:
        return tr("Workflow");
    case Status:
        return tr("Status");
    case StuckFor:
        return tr("Stuck for");
    case LeaseOwner:
        return tr("Lease owner");
    case Executions:
        return tr("Executions");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace wf::console
