#include "docscontroller.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace wf::api {

QByteArray DocsController::document()
{
    static const QByteArray bytes = [] {
        QFile file(u":/openapi.json"_s);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    return bytes;
}

void DocsController::registerRoutes(http::Router &router)
{
    router.add("GET", u"/openapi.json"_s, [](const http::HttpRequest &, const http::PathArgs &, const http::Reply &reply) {
        const QByteArray bytes = document();
        if (bytes.isEmpty())
            return reply.send(http::HttpResponse::error(500, u"the OpenAPI document is missing from this build"_s));
        reply.send(http::HttpResponse::rawJson(bytes));
    });
}

} // namespace wf::api
