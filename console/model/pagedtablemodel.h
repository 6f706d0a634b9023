#pragma once

#include "client/apiresponse.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QUrlQuery>

namespace wf::console {

class ApiClient;

// A table over one of the API's cursor-paged lists ({"items": […], "next_cursor": …}): the first
// page on reload(), the next one whenever a view scrolls near the end (fetchMore), so a list of
// 100,000 runs costs only the pages looked at. refreshHead() adds items that appeared at the top
// since (lists are newest first). Subclasses say which columns an item has.
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    PagedTableModel(ApiClient &client, QString path, QString idField, QObject *parent = nullptr);

    // Filters as query parameters (status, workflow_id, …); reload() applies them.
    void setFilter(const QString &name, const QString &value);
    void reload();
    void refreshHead();
    void setPageSize(int size) { m_pageSize = size; }

    const QJsonObject &item(int row) const { return m_items.at(row); }
    QString idAt(int row) const;
    int indexOfId(const QString &id) const;
    bool loading() const { return m_pending; }
    bool complete() const { return m_loaded && m_nextCursor.isEmpty(); }
    QString lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void pageLoaded(int rows);
    void failed(const QString &message);

protected:
    QList<QJsonObject> m_items;

private:
    QString query(const QString &cursor, int limit) const;
    void fail(const ApiResponse &response);

    ApiClient &m_client;
    QString m_path;
    QString m_idField;
    QUrlQuery m_filters;
    // id → row - m_prepended: O(1) lookups at any size, stable while items arrive at either end.
    QHash<QString, qint64> m_rows;
    qint64 m_prepended = 0;
    QString m_nextCursor;
    QString m_lastError;
    int m_pageSize = 100;
    int m_generation = 0; // answers of a request made before the last reload() are dropped
    bool m_pending = false;
    bool m_headPending = false;
    bool m_loaded = false;
};

} // namespace wf::console
