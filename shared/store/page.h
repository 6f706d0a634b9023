#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace wf {

// A position in a newest-first listing: the sort key of the last item a client has seen.
// Keyset pagination on (time, id) is stable while rows are inserted: no item is repeated and no
// item that existed when the listing began is skipped.
struct PageCursor
{
    qint64 micros = 0;
    QString id;

    QString encode() const;
    static std::optional<PageCursor> decode(const QString &text);
};

// What a client asked for: at most `limit` items after `cursor`.
struct PageRequest
{
    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaxLimit = 200;

    int limit = kDefaultLimit;
    std::optional<PageCursor> cursor;
    // The seed's cursor: the id of the last item seen ("the page after this one"). The store
    // resolves it to a PageCursor; an id it does not know is a 400.
    QString afterId;

    // The cursor as one text, for cache keys: the opaque cursor, "@<id>", or empty.
    QString canonicalCursor() const;

    // From the query-string texts (empty = absent); 400-worthy errors name the parameter. A
    // cursor is either one this API returned or a bare 32-hex id of an item.
    static Result<PageRequest> parse(const QString &limit, const QString &cursor);
};

template<typename T>
struct Page
{
    QList<T> items;
    std::optional<PageCursor> next;
    int limit = PageRequest::kDefaultLimit;

    // {"items": [...], "next_cursor": "…" | null, "limit": n}
    QJsonObject toJson() const
    {
        QJsonArray array;
        for (const T &item : items)
            array.append(item.toJson());
        return {{QStringLiteral("items"), array},
                {QStringLiteral("next_cursor"), next ? QJsonValue(next->encode()) : QJsonValue()},
                {QStringLiteral("limit"), limit}};
    }
};

} // namespace wf
