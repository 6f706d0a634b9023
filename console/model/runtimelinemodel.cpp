#include "runtimelinemodel.h"

#include "displayformat.h"

#include "client/apiclient.h"

#include <QBrush>
#include <QColor>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

// The API keeps 1000 events of a run per page; a run with more (a retry storm) shows its first
// thousand, which include how it started.
constexpr int kEventLimit = 1000;

} // namespace

RunTimelineModel::RunTimelineModel(ApiClient &client, QString runId, QObject *parent)
    : QAbstractTableModel(parent), m_client(client), m_runId(std::move(runId))
{
}

void RunTimelineModel::refresh()
{
    if (m_pending)
        return;
    m_pending = true;
    m_client.get(u"/api/v1/runs/%1/events?limit=%2"_s.arg(m_runId).arg(kEventLimit), this, [this](const ApiResponse &response) {
        m_pending = false;
        if (!response.ok()) {
            m_lastError = response.message();
            Q_EMIT failed(m_lastError);
            return;
        }
        m_lastError.clear();
        m_traceId = response.object().value(u"trace_id"_s).toString();
        setEvents(response.object().value(u"items"_s).toArray());
        Q_EMIT loaded();
    });
}

void RunTimelineModel::setEvents(const QJsonArray &events)
{
    QList<QJsonObject> fresh;
    fresh.reserve(events.size());
    for (const QJsonValue &event : events)
        fresh.append(event.toObject());
    // Events are only ever added, oldest first: the usual answer is the old one and a few more.
    const bool extends = fresh.size() >= m_events.size() && std::equal(m_events.cbegin(), m_events.cend(), fresh.cbegin());
    if (extends) {
        if (fresh.size() > m_events.size()) {
            beginInsertRows({}, int(m_events.size()), int(fresh.size() - 1));
            m_events = std::move(fresh);
            endInsertRows();
        }
        return;
    }
    beginResetModel();
    m_events = std::move(fresh);
    endResetModel();
}

bool RunTimelineModel::hasKind(const QString &kind) const
{
    return std::any_of(m_events.cbegin(), m_events.cend(),
                       [&kind](const QJsonObject &event) { return event.value(u"kind"_s).toString() == kind; });
}

QStringList RunTimelineModel::kinds() const
{
    QStringList all;
    for (const QJsonObject &event : m_events)
        all.append(event.value(u"kind"_s).toString());
    return all;
}

int RunTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int RunTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunTimelineModel::display(const QJsonObject &event, int column) const
{
    const QJsonObject detail = event.value(u"detail"_s).toObject();
    switch (column) {
    case Kind:
        return event.value(u"kind"_s).toString();
    case Instance:
        return event.value(u"instance"_s).toString();
    case Time:
        return formatTimestamp(event.value(u"at"_s).toString());
    case Step:
        return detail.value(u"step"_s).toString();
    case Status:
        return detail.value(u"status"_s).toString();
    case Attempt: {
        // A step's attempts, or which execution of the run a claim started.
        const QJsonValue attempt = detail.contains(u"attempt"_s) ? detail.value(u"attempt"_s) : detail.value(u"execution"_s);
        return attempt.isDouble() ? QVariant(attempt.toInt()) : QVariant();
    }
    case Duration:
        return detail.value(u"duration_ms"_s).isDouble() ? formatDurationMs(detail.value(u"duration_ms"_s).toDouble()) : QString();
    case Error: {
        // A requeue says why instead.
        const QString error = detail.value(u"error"_s).toString();
        return error.isEmpty() ? detail.value(u"why"_s).toString() : error;
    }
    default:
        return {};
    }
}

QVariant RunTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const QJsonObject &event = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(event, index.column());
    case Qt::ToolTipRole:
        return QString::fromUtf8(QJsonDocument(event.value(u"detail"_s).toObject()).toJson(QJsonDocument::Indented));
    case Qt::ForegroundRole: {
        const QString status = event.value(u"detail"_s).toObject().value(u"status"_s).toString();
        if (event.value(u"kind"_s).toString() == u"lease_lost"_s || status == u"failed"_s)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    }
    default:
        return {};
    }
}

QVariant RunTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind:
        return tr("Event");
    case Instance:
        return tr("Instance");
    case Time:
        return tr("Time");
    case Step:
        return tr("Step");
    case Status:
        return tr("Status");
    case Attempt:
        return tr("Attempt");
    case Duration:
        return tr("Duration");
    case Error:
        return tr("Error");
    default:
        return {};
    }
}

} // namespace wf::console
