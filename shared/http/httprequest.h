#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

class QHttpServerRequest;

namespace wf::http {

// What the API needs of a request, copied out of QHttpServerRequest once so that controllers
// never see QtHttpServer types and can be tested without a socket.
struct HttpRequest
{
    QByteArray method;              // "GET", "POST", …
    QString path;                   // decoded, without query, no trailing slash (except "/")
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QHostAddress peerAddress; // the connection's other end (nginx, behind the stack's proxy)
    // Who sent it, once the server's admission checked a key ("key:<id>"); empty: anonymous.
    QString caller;

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    QString queryValue(const QString &name) const;
    // The client's address: the peer's, or behind a proxy on loopback (nginx) the last
    // X-Forwarded-For hop, which that proxy added. Worked out when asked (per-address limits).
    QString clientAddress() const;

    static HttpRequest from(const QHttpServerRequest &request);
    // The same from what QtHttpServer parsed: the method's name, the request target as a URL
    // (QUrl::fromEncoded of its bytes), the header fields in any case, the body. What turns
    // untrusted bytes into a path and query is here, testable (and fuzzed) without a socket.
    static HttpRequest fromParts(QByteArray method, const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                                 QByteArray body);
};

} // namespace wf::http
