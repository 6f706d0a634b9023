#pragma once

#include <QByteArray>
#include <QJsonObject>

// The columns every statement returning outbox rows lists, in this order.
#define WF_OUTBOX_COLUMNS "id, topic, message_key, payload, headers"

namespace wf {

namespace db {
class DbResult;
}

// A message written to the outbox table in the same transaction as the state it announces.
struct OutboxMessage
{
    qint64 id = 0;
    QByteArray topic;
    QByteArray key;
    QByteArray payload;  // JSON text
    QJsonObject headers; // name -> string value (traceparent, …)

    // Reads the five columns of WF_OUTBOX_COLUMNS starting at `column`.
    static OutboxMessage fromRow(const db::DbResult &result, int row, int column = 0);
};

} // namespace wf
