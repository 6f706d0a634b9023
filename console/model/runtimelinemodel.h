#pragma once

#include "client/apiresponse.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace wf::console {

class ApiClient;

// What happened to one run, oldest first: GET /api/v1/runs/{id}/events (accepted, published,
// claimed, step, lease_lost, requeued, finished), one row per event with the fields of its detail
// that matter to an operator in columns of their own and the whole detail as a tooltip.
class RunTimelineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Kind, Instance, Time, Step, Status, Attempt, Duration, Error, ColumnCount };

    RunTimelineModel(ApiClient &client, QString runId, QObject *parent = nullptr);

    // Asks for the events again; an answer that only adds events appends rows (the view keeps
    // its place), anything else replaces them. At most one request at a time.
    void refresh();
    // The events of an answer, as refresh() shows them.
    void setEvents(const QJsonArray &events);

    QString runId() const { return m_runId; }
    QString traceId() const { return m_traceId; }
    const QJsonObject &event(int row) const { return m_events.at(row); }
    // Whether an event of this kind is in the timeline.
    bool hasKind(const QString &kind) const;
    QStringList kinds() const;
    bool loading() const { return m_pending; }
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();
    void failed(const QString &message);

private:
    QVariant display(const QJsonObject &event, int column) const;

    ApiClient &m_client;
    QString m_runId;
    QString m_traceId;
    QString m_lastError;
    QList<QJsonObject> m_events;
    bool m_pending = false;
};

} // namespace wf::console
