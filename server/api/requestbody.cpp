#include "requestbody.h"

#include "core/json.h"

using namespace Qt::StringLiterals;

namespace wf::api {

Result<QJsonValue> jsonBody(const http::HttpRequest &request)
{
    const QByteArray contentType = request.header("content-type").split(';').first().trimmed().toLower();
    if (!contentType.isEmpty() && contentType != "application/json" && !contentType.endsWith("+json"))
        return Error(Error::Kind::UnsupportedMedia,
                     u"Content-Type must be application/json, got %1"_s.arg(QString::fromLatin1(contentType.left(100))));
    if (request.body.trimmed().isEmpty())
        return Error::invalid(u"request body is empty; expected a JSON object"_s);
    QString reason;
    const auto value = json::parse(request.body, &reason);
    if (!value)
        return Error::invalid(u"request body is not valid JSON: "_s + reason);
    return *value;
}

} // namespace wf::api
