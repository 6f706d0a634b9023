#pragma once

#include "httprequest.h"
#include "reply.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace wf::http {

// Path arguments captured by "{…}" segments, in order.
using PathArgs = QStringList;
using Handler = std::function<void(const HttpRequest &, const PathArgs &, const Reply &)>;

// Method + path pattern ("/api/v1/runs/{id}") to handler. A path that matches with another
// method gets 405 with Allow; no match gets FastAPI's 404 {"detail":"Not Found"}.
class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Handler handler);
    // `matched`, when given, is set to the answering route's pattern ("/api/v1/runs/{id}") before
    // its handler runs, and left empty when none answers (404, 405): a bounded name for metrics.
    void dispatch(const HttpRequest &request, const Reply &reply, QString *matched = nullptr) const;

    // Every route as "METHOD /pattern", in the order added (the OpenAPI test compares them).
    QStringList routes() const;

    // The segments a path is matched by: "/api/v1//runs/" and "/api/v1/runs" are both
    // {"api", "v1", "runs"}. Whatever judges a path by the route it reaches (the access policy)
    // must split it the same way.
    static QStringList segments(const QString &path);

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Handler handler;
    };
    static bool match(const Route &route, const QStringList &segments, PathArgs *args);

    QList<Route> m_routes;
};

} // namespace wf::http
