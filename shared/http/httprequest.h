#pragma once

#include <QByteArray>
#include <QHash>
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
    // The client's address: the peer's, or behind a proxy on loopback (nginx) the last
    // X-Forwarded-For hop, which that proxy added.
    QString peer;
    // Who sent it, once the server's admission checked a key ("key:<id>"); empty: anonymous.
    QString caller;

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    QString queryValue(const QString &name) const;

    static HttpRequest from(const QHttpServerRequest &request);
};

} // namespace wf::http
