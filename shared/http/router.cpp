#include "router.h"

using namespace Qt::StringLiterals;

namespace wf::http {

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    m_routes.append({method, pattern, segments(pattern), std::move(handler)});
}

QStringList Router::routes() const
{
    QStringList all;
    all.reserve(m_routes.size());
    for (const Route &route : m_routes)
        all.append(QString::fromLatin1(route.method) + u' ' + route.pattern);
    return all;
}

QStringList Router::segments(const QString &path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}

bool Router::match(const Route &route, const QStringList &segments, PathArgs *args)
{
    if (route.segments.size() != segments.size())
        return false;
    PathArgs captured;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &want = route.segments.at(i);
        if (want.startsWith(u'{'))
            captured.append(segments.at(i));
        else if (want != segments.at(i))
            return false;
    }
    *args = std::move(captured);
    return true;
}

void Router::dispatch(const HttpRequest &request, const Reply &reply, QString *matched) const
{
    const QStringList parts = segments(request.path);
    QList<QByteArray> allowed;
    for (const Route &route : m_routes) {
        PathArgs args;
        if (!match(route, parts, &args))
            continue;
        // HEAD is answered like GET; Reply leaves the body out.
        if (route.method == request.method || (request.method == "HEAD" && route.method == "GET")) {
            if (matched)
                *matched = route.pattern;
            route.handler(request, args, reply);
            return;
        }
        allowed.append(route.method);
    }
    if (!allowed.isEmpty()) {
        reply.send(HttpResponse::error(405, u"Method Not Allowed"_s).withHeader("Allow", allowed.join(", ")));
        return;
    }
    reply.send(HttpResponse::error(404, u"Not Found"_s));
}

} // namespace wf::http
