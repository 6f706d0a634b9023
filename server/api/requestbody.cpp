#include "requestbody.h"

#include "core/json.h"

using namespace Qt::StringLiterals;

namespace wf::api {

namespace {

// Deep enough for any real definition or payload, shallow enough that every accepted value can
// be returned inside a listing and parsed by any client.
constexpr int kMaxDepth = 64;

} // namespace

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
    const QString problem = json::storageProblem(*value, u"body"_s, kMaxDepth);
    if (!problem.isEmpty())
        return Error::invalid(problem);
    return *value;
}

} // namespace wf::api
