#include "page.h"

#include "core/ids.h"

using namespace Qt::StringLiterals;

namespace wf {

QString PageCursor::encode() const
{
    const QByteArray raw = QByteArray::number(micros) + ':' + id.toLatin1();
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<PageCursor> PageCursor::decode(const QString &text)
{
    if (text.size() > 128)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
            text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QByteArray raw = *decoded;
    const qsizetype colon = raw.indexOf(':');
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    PageCursor cursor;
    cursor.micros = raw.left(colon).toLongLong(&ok);
    cursor.id = ids::normalize(QString::fromLatin1(raw.mid(colon + 1)));
    // Cursors this API issues lie between 1970 and 9999.
    constexpr qint64 kYear9999 = 253402300799999999;
    if (!ok || cursor.id.isEmpty() || cursor.micros < 0 || cursor.micros > kYear9999)
        return std::nullopt;
    return cursor;
}

Result<PageRequest> PageRequest::parse(const QString &limit, const QString &cursor)
{
    PageRequest request;
    if (!limit.isEmpty()) {
        bool ok = false;
        const int value = limit.toInt(&ok);
        if (!ok || value < 1 || value > kMaxLimit)
            return Error::invalid(u"limit must be an integer between 1 and %1, got \"%2\""_s.arg(kMaxLimit).arg(limit.left(40)));
        request.limit = value;
    }
    if (!cursor.isEmpty()) {
        // Opaque cursors are base64 of "<micros>:<id>", at least 46 characters: never a bare id.
        const QString id = cursor.size() <= 36 ? ids::normalize(cursor) : QString();
        if (!id.isEmpty()) {
            request.afterId = id;
            return request;
        }
        request.cursor = PageCursor::decode(cursor);
        if (!request.cursor)
            return Error::invalid(u"cursor must be a next_cursor this API returned or the id of an item, got \"%1\""_s.arg(
                    cursor.left(40)));
    }
    return request;
}

QString PageRequest::canonicalCursor() const
{
    if (!afterId.isEmpty())
        return u'@' + afterId;
    return cursor ? cursor->encode() : QString();
}

} // namespace wf
