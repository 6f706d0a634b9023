#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace wf {
class Error;
}

namespace wf::http {

// A complete response: status, extra headers and a JSON (or empty) body.
struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(const QJsonObject &object, int status = 200);
    // Already serialised JSON (from the cache).
    static HttpResponse rawJson(const QByteArray &body, int status = 200);
    // Any other body with its media type (the Prometheus text exposition, …).
    static HttpResponse raw(const QByteArray &body, const QByteArray &contentType, int status = 200);
    static HttpResponse noContent();
    // {"detail": …} with the status its kind maps to (the only place that knows that mapping).
    static HttpResponse error(const Error &error);
    static HttpResponse error(int status, const QString &detail);
    static int statusFor(const Error &error);

    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value);
    // The bytes on the wire, status line to body (the body left out for HEAD).
    QByteArray serialize(const QByteArray &instanceId, bool withBody = true) const;
};

} // namespace wf::http
