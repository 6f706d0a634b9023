#include "pagedtablemodel.h"

#include "client/apiclient.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wf::console {

PagedTableModel::PagedTableModel(ApiClient &client, QString path, QString idField, QObject *parent)
    : QAbstractTableModel(parent), m_client(client), m_path(std::move(path)), m_idField(std::move(idField))
{
}

void PagedTableModel::setFilter(const QString &name, const QString &value)
{
    m_filters.removeAllQueryItems(name);
    if (!value.isEmpty())
        m_filters.addQueryItem(name, value);
}

QString PagedTableModel::query(const QString &cursor, int limit) const
{
    QUrlQuery query = m_filters;
    query.addQueryItem(u"limit"_s, QString::number(limit));
    if (!cursor.isEmpty())
        query.addQueryItem(u"cursor"_s, cursor);
    return m_path + u'?' + query.toString(QUrl::FullyEncoded);
}

void PagedTableModel::fail(const ApiResponse &response)
{
    m_lastError = response.message();
    Q_EMIT failed(m_lastError);
}

void PagedTableModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_items.clear();
    m_rows.clear();
    m_prepended = 0;
    m_nextCursor.clear();
    m_loaded = false;
    m_pending = false;
    endResetModel();
    fetchMore({});
}

QString PagedTableModel::idAt(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items.at(row).value(m_idField).toString() : QString();
}

int PagedTableModel::indexOfId(const QString &id) const
{
    // Rows only ever grow at the end (a page) or the top (new items): a row is its position in
    // arrival order, shifted by the items added at the top since.
    const auto it = m_rows.constFind(id);
    return it == m_rows.cend() ? -1 : int(it.value() + m_prepended);
}

int PagedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

bool PagedTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_pending && (!m_loaded || !m_nextCursor.isEmpty());
}

void PagedTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_pending = true;
    const int generation = m_generation;
    m_client.get(query(m_nextCursor, m_pageSize), this, [this, generation](const ApiResponse &response) {
        if (generation != m_generation)
            return;
        m_pending = false;
        if (!response.ok()) {
            fail(response);
            return;
        }
        const QJsonObject page = response.object();
        const QJsonArray items = page.value(u"items"_s).toArray();
        m_loaded = true;
        m_nextCursor = page.value(u"next_cursor"_s).toString();
        m_lastError.clear();
        if (!items.isEmpty()) {
            beginInsertRows({}, int(m_items.size()), int(m_items.size() + items.size() - 1));
            for (const QJsonValue &item : items) {
                m_rows.insert(item.toObject().value(m_idField).toString(), qint64(m_items.size()) - m_prepended);
                m_items.append(item.toObject());
            }
            endInsertRows();
        }
        Q_EMIT pageLoaded(int(items.size()));
    });
}

void PagedTableModel::refreshHead()
{
    if (m_headPending || m_pending || !m_loaded)
        return;
    m_headPending = true;
    const int generation = m_generation;
    m_client.get(query({}, 50), this, [this, generation](const ApiResponse &response) {
        m_headPending = false;
        if (generation != m_generation || !response.ok())
            return;
        const QJsonArray items = response.object().value(u"items"_s).toArray();
        const QString first = idAt(0);
        QList<QJsonObject> fresh;
        bool overlap = first.isEmpty();
        for (const QJsonValue &item : items) {
            if (item.toObject().value(m_idField).toString() == first) {
                overlap = true;
                break;
            }
            fresh.append(item.toObject());
        }
        if (!overlap) {
            reload(); // more appeared than one look covers: start over
            return;
        }
        // Items already shown may have changed (a run finished): update those of this page.
        for (const QJsonValue &item : items) {
            const int row = indexOfId(item.toObject().value(m_idField).toString());
            if (row >= 0 && m_items.at(row) != item.toObject()) {
                m_items[row] = item.toObject();
                Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
            }
        }
        if (!fresh.isEmpty()) {
            beginInsertRows({}, 0, int(fresh.size() - 1));
            m_prepended += fresh.size();
            for (int i = 0; i < fresh.size(); ++i)
                m_rows.insert(fresh.at(i).value(m_idField).toString(), i - m_prepended);
            m_items = fresh + m_items;
            endInsertRows();
        }
    });
}

} // namespace wf::console
