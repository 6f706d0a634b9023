#include "redisreply.h"

#include <hiredis/hiredis.h>

namespace wf {

RedisReply RedisReply::makeInteger(qint64 value)
{
    RedisReply reply;
    reply.m_type = Type::Integer;
    reply.m_integer = value;
    return reply;
}

RedisReply RedisReply::makeString(QByteArray value)
{
    RedisReply reply;
    reply.m_type = Type::String;
    reply.m_bytes = std::move(value);
    return reply;
}

RedisReply RedisReply::makeStatus(QByteArray text)
{
    RedisReply reply;
    reply.m_type = Type::Status;
    reply.m_bytes = std::move(text);
    return reply;
}

RedisReply RedisReply::makeError(QByteArray text)
{
    RedisReply reply;
    reply.m_type = Type::Error;
    reply.m_bytes = std::move(text);
    return reply;
}

RedisReply RedisReply::makeArray(QList<RedisReply> elements)
{
    RedisReply reply;
    reply.m_type = Type::Array;
    reply.m_elements = std::move(elements);
    return reply;
}

RedisReply RedisReply::fromHiredis(const redisReply *reply)
{
    if (!reply)
        return {};
    switch (reply->type) {
    case REDIS_REPLY_STRING:
        return makeString(QByteArray(reply->str, qsizetype(reply->len)));
    case REDIS_REPLY_STATUS:
        return makeStatus(QByteArray(reply->str, qsizetype(reply->len)));
    case REDIS_REPLY_ERROR:
        return makeError(QByteArray(reply->str, qsizetype(reply->len)));
    case REDIS_REPLY_INTEGER:
        return makeInteger(reply->integer);
    case REDIS_REPLY_ARRAY: {
        QList<RedisReply> elements;
        elements.reserve(qsizetype(reply->elements));
        for (size_t i = 0; i < reply->elements; ++i)
            elements.append(fromHiredis(reply->element[i]));
        return makeArray(std::move(elements));
    }
    default:
        return {};
    }
}

} // namespace wf
