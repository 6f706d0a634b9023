#include "admincontroller.h"

#include "queryparameter.h"
#include "requestbody.h"

#include "core/json.h"
#include "store/scalingstore.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wf::api {

AdminController::AdminController(QObject *context, ScalingStore &scaling)
    : m_context(context), m_scaling(scaling)
{
}

void AdminController::registerRoutes(http::Router &router)
{
    using namespace http;
    router.add("GET", u"/api/v1/admin/scaling"_s, [this](const HttpRequest &, const PathArgs &, const Reply &reply) {
        list(reply);
    });
    router.add("GET", u"/api/v1/admin/scaling/events"_s, [this](const HttpRequest &request, const PathArgs &, const Reply &reply) {
        events(request, reply);
    });
    router.add("PUT", u"/api/v1/admin/scaling/{component}"_s,
               [this](const HttpRequest &request, const PathArgs &args, const Reply &reply) {
                   scale(args.at(0), request, reply);
               });
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

namespace {

// {"replicas": n, "autoscale": bool, "min": n, "max": n, "reason": "…"}: at least one of the
// first four; the error names what is wrong.
Result<ScalingChange> parseChange(const QJsonValue &body)
{
    const QString shape = u"body must be an object with any of \"replicas\", \"min\", \"max\" (non-negative integers up to %1)"
                          u" and \"autoscale\" (true or false)"_s.arg(ScalingStore::MaxReplicas);
    if (!body.isObject())
        return Error::invalid(shape);
    const QJsonObject object = body.toObject();
    ScalingChange change;
    auto count = [&object](const QString &key, std::optional<int> &into) -> Status {
        if (!object.contains(key))
            return Done{};
        const QJsonValue value = object.value(key);
        const double number = value.toDouble(-1);
        // In range before the integer test: converting 1e300 to an integer is undefined.
        if (!value.isDouble() || !(number >= 0 && number <= ScalingStore::MaxReplicas) || number != double(int(number)))
            return Error::invalid(u"\"%1\" must be a non-negative integer up to %2"_s.arg(key).arg(ScalingStore::MaxReplicas));
        into = int(number);
        return Done{};
    };
    for (const auto &[key, field] : {std::pair{u"replicas"_s, &change.replicas}, std::pair{u"min"_s, &change.min},
                                     std::pair{u"max"_s, &change.max}}) {
        if (const Status checked = count(key, *field); !checked)
            return checked.error();
    }
    if (object.contains(u"autoscale"_s)) {
        if (!object.value(u"autoscale"_s).isBool())
            return Error::invalid(u"\"autoscale\" must be true or false"_s);
        change.autoscale = object.value(u"autoscale"_s).toBool();
    }
    if (!change.replicas && !change.min && !change.max && !change.autoscale)
        return Error::invalid(shape);
    change.reason = object.value(u"reason"_s).toString().left(200);
    return change;
}

} // namespace

void AdminController::scale(const QString &component, const http::HttpRequest &request, const http::Reply &reply)
{
    const auto body = jsonBody(request);
    if (!body)
        return reply.send(http::HttpResponse::error(body.error()));
    Result<ScalingChange> change = parseChange(*body);
    if (!change)
        return reply.send(http::HttpResponse::error(change.error()));
    change->source = u"api"_s;
    m_scaling.change(m_context, component, *change, [reply, component](const Result<ScalingTarget> &target) {
        reply.send(target, [&component](const ScalingTarget &changed) {
            QJsonObject object = changed.toJson();
            object.insert(u"component"_s, component);
            return http::HttpResponse::json(object, 202);
        });
    });
}

void AdminController::events(const http::HttpRequest &request, const http::Reply &reply)
{
    const Result<int> limit = intParameter(request, u"limit"_s, 100, 1, 1000);
    if (!limit)
        return reply.send(http::HttpResponse::error(limit.error()));
    const QString component = request.queryValue(u"component"_s);
    if (component.size() > 40)
        return reply.send(http::HttpResponse::error(Error::invalid(u"component must be a component name such as worker"_s)));
    m_scaling.events(m_context, component, *limit, [reply](const Result<QList<ScalingEvent>> &events) {
        reply.send(events, [](const QList<ScalingEvent> &list) {
            QJsonArray items;
            for (const ScalingEvent &event : list)
                items.append(event.toJson());
            return http::HttpResponse::json({{u"items"_s, items}});
        });
    });
}

} // namespace wf::api
