#include "admincontroller.h"

#include "requestbody.h"

#include "core/json.h"
#include "store/scalingstore.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wf::api {

AdminController::AdminController(QObject *context, ScalingStore &scaling, QByteArray token)
    : m_context(context), m_scaling(scaling), m_token(std::move(token))
{
}

void AdminController::registerRoutes(http::Router &router)
{
    using namespace http;
    router.add("GET", u"/api/v1/admin/scaling"_s, [this](const HttpRequest &request, const PathArgs &, const Reply &reply) {
        if (authorized(request, reply))
            list(reply);
    });
    router.add("PUT", u"/api/v1/admin/scaling/{component}"_s,
               [this](const HttpRequest &request, const PathArgs &args, const Reply &reply) {
                   if (authorized(request, reply))
                       scale(args.at(0), request, reply);
               });
}

bool AdminController::authorized(const http::HttpRequest &request, const http::Reply &reply) const
{
    return m_token.admits(request, reply);
}

void AdminController::list(const http::Reply &reply)
{
    m_scaling.list(m_context, [reply](const Result<QList<ScalingTarget>> &targets) {
        reply.send(targets, [](const QList<ScalingTarget> &list) {
            QJsonObject components;
            for (const ScalingTarget &target : list)
                components.insert(target.component, target.toJson());
            return http::HttpResponse::json({{u"components"_s, components}});
        });
    });
}

void AdminController::scale(const QString &component, const http::HttpRequest &request, const http::Reply &reply)
{
    const auto body = jsonBody(request);
    if (!body)
        return reply.send(http::HttpResponse::error(body.error()));
    const QJsonValue replicas = body->toObject().value(u"replicas"_s);
    const double number = replicas.toDouble(-1);
    if (!body->isObject() || !replicas.isDouble() || number != double(qint64(number)) || number < 0 || number > 10000)
        return reply.send(http::HttpResponse::error(Error::invalid(u"body must be {\"replicas\": <non-negative integer>}"_s)));
    const QString reason = body->toObject().value(u"reason"_s).toString().left(200);
    m_scaling.setDesired(m_context, component, int(number), u"api"_s, reason, [reply, component](const Result<ScalingTarget> &target) {
        reply.send(target, [&component](const ScalingTarget &changed) {
            QJsonObject object = changed.toJson();
            object.insert(u"component"_s, component);
            return http::HttpResponse::json(object, 202);
        });
    });
}

} // namespace wf::api
