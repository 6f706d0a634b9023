#pragma once

#include <QByteArray>
#include <QList>

struct redisReply;

namespace wf {

// One answer of Redis as a plain value, copied out of hiredis's reply (which hiredis frees as soon
// as the reply callback returns). An error reply ("-ERR …") is a reply like any other: only a
// connection that failed or a command that timed out becomes an Error of Result<RedisReply>.
class RedisReply
{
public:
    enum class Type { Nil, Integer, String, Array, Status, Error };

    RedisReply() = default;
    static RedisReply makeInteger(qint64 value);
    static RedisReply makeString(QByteArray value);
    static RedisReply makeStatus(QByteArray text);
    static RedisReply makeError(QByteArray text);
    static RedisReply makeArray(QList<RedisReply> elements);
    // A deep copy of a hiredis reply.
    static RedisReply fromHiredis(const redisReply *reply);

    Type type() const { return m_type; }
    bool isNil() const { return m_type == Type::Nil; }
    bool isString() const { return m_type == Type::String; }
    bool isError() const { return m_type == Type::Error; }
    qint64 integer() const { return m_integer; }
    // The bytes of a String, the text of a Status or an Error; empty otherwise.
    const QByteArray &bytes() const { return m_bytes; }
    const QList<RedisReply> &elements() const { return m_elements; }

private:
    Type m_type = Type::Nil;
    qint64 m_integer = 0;
    QByteArray m_bytes;
    QList<RedisReply> m_elements;
};

} // namespace wf
