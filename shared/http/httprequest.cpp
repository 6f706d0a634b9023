#include "httprequest.h"

#include <QHttpServerRequest>

using namespace Qt::StringLiterals;

namespace wf::http {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        break;
    }
    return "UNKNOWN";
}

} // namespace

QString HttpRequest::queryValue(const QString &name) const
{
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

HttpRequest HttpRequest::from(const QHttpServerRequest &request)
{
    return fromParts(methodName(request.method()), request.url(), request.headers(), request.body());
}

HttpRequest HttpRequest::fromParts(QByteArray method, const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                                   QByteArray body)
{
    HttpRequest out;
    out.method = std::move(method);
    out.path = url.path(QUrl::FullyDecoded);
    if (out.path.isEmpty())
        out.path = u"/"_s;
    while (out.path.size() > 1 && out.path.endsWith(u'/'))
        out.path.chop(1);
    out.query = QUrlQuery(url);
    for (const auto &header : headers)
        out.headers.insert(header.first.toLower(), header.second);
    out.body = std::move(body);
    return out;
}

QString HttpRequest::clientAddress() const
{
    const QByteArray forwardedFor = header("x-forwarded-for");
    if (peerAddress.isLoopback() && !forwardedFor.isEmpty()) {
        const QHostAddress forwarded(QString::fromLatin1(forwardedFor.mid(forwardedFor.lastIndexOf(',') + 1).trimmed()));
        if (!forwarded.isNull())
            return forwarded.toString();
    }
    bool mapped = false;
    const quint32 v4 = peerAddress.toIPv4Address(&mapped);
    return mapped ? QHostAddress(v4).toString() : peerAddress.toString();
}

} // namespace wf::http
