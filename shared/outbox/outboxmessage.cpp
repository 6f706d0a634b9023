#include "outboxmessage.h"

#include "db/dbresult.h"

namespace wf {

OutboxMessage OutboxMessage::fromRow(const db::DbResult &result, int row, int column)
{
    OutboxMessage message;
    message.id = result.int64(row, column);
    message.topic = result.bytes(row, column + 1);
    message.key = result.bytes(row, column + 2);
    message.payload = result.bytes(row, column + 3);
    message.headers = result.json(row, column + 4).toObject();
    return message;
}

} // namespace wf
