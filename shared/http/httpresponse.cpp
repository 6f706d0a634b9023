#include "httpresponse.h"

#include "core/error.h"
#include "core/json.h"
#include "core/logging.h"

using namespace Qt::StringLiterals;

namespace wf::http {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    HttpResponse response;
    response.status = status;
    response.body = json::serialize(object);
    return response;
}

HttpResponse HttpResponse::rawJson(const QByteArray &body, int status)
{
    HttpResponse response;
    response.status = status;
    response.body = body;
    return response;
}

HttpResponse HttpResponse::raw(const QByteArray &body, const QByteArray &contentType, int status)
{
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.contentType = contentType;
    return response;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

int HttpResponse::statusFor(const Error &error)
{
    switch (error.kind()) {
    case Error::Kind::Invalid:
        return 400;
    case Error::Kind::Unauthorized:
        return 401;
    case Error::Kind::Forbidden:
        return 403;
    case Error::Kind::NotFound:
        return 404;
    case Error::Kind::MethodNotAllowed:
        return 405;
    case Error::Kind::Conflict:
        return 409;
    case Error::Kind::TooLarge:
        return 413;
    case Error::Kind::UnsupportedMedia:
        return 415;
    case Error::Kind::RateLimited:
        return 429;
    case Error::Kind::Unavailable:
        return 503;
    case Error::Kind::Internal:
        return 500;
    }
    return 500;
}

HttpResponse HttpResponse::error(const Error &error)
{
    HttpResponse response = HttpResponse::error(statusFor(error), error.detail());
    if (error.kind() == Error::Kind::Unavailable)
        response.withHeader("Retry-After", "1");
    return response;
}

HttpResponse HttpResponse::error(int status, const QString &detail)
{
    return json({{u"detail"_s, detail}}, status);
}

HttpResponse &HttpResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

QByteArray HttpResponse::serialize(const QByteArray &instanceId, bool withBody) const
{
    QByteArray out;
    out.reserve(160 + body.size());
    out.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ').append(reasonPhrase(status)).append("\r\n");
    if (!contentType.isEmpty())
        out.append("Content-Type: ").append(contentType).append("\r\n");
    if (status != 204)
        out.append("Content-Length: ").append(QByteArray::number(body.size())).append("\r\n");
    out.append("X-Instance-Id: ").append(instanceId).append("\r\n");
    for (const auto &header : headers)
        out.append(header.first).append(": ").append(header.second).append("\r\n");
    out.append("\r\n");
    if (status != 204 && withBody)
        out.append(body);
    return out;
}

} // namespace wf::http
