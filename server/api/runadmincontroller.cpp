#include "runadmincontroller.h"

#include "queryparameter.h"

#include "core/ids.h"
#include "store/runstore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace wf::api {

namespace {

constexpr int kDefaultPendingSeconds = 60;
constexpr int kDefaultLimit = 100;

} // namespace

RunAdminController::RunAdminController(QObject *context, RunStore &runs, QByteArray instanceId)
    : m_context(context), m_runs(runs), m_instanceId(QString::fromUtf8(instanceId))
{
}

void RunAdminController::registerRoutes(http::Router &router)
{
    using namespace http;
    router.add("GET", u"/api/v1/admin/runs/stuck"_s, [this](const HttpRequest &request, const PathArgs &, const Reply &reply) {
        stuck(request, reply);
    });
    router.add("POST", u"/api/v1/admin/runs/{id}/requeue"_s,
               [this](const HttpRequest &, const PathArgs &args, const Reply &reply) {
                   requeue(args.at(0), reply);
               });
}

void RunAdminController::stuck(const http::HttpRequest &request, const http::Reply &reply)
{
    const Result<int> pendingSeconds = intParameter(request, u"pending_seconds"_s, kDefaultPendingSeconds, 1, 7 * 86400);
    if (!pendingSeconds)
        return reply.send(http::HttpResponse::error(pendingSeconds.error()));
    const Result<int> limit = intParameter(request, u"limit"_s, kDefaultLimit, 1, 1000);
    if (!limit)
        return reply.send(http::HttpResponse::error(limit.error()));
    m_runs.stuck(m_context, *pendingSeconds, *limit, [reply, pendingSeconds = *pendingSeconds](const Result<QList<StuckRun>> &runs) {
        reply.send(runs, [pendingSeconds](const QList<StuckRun> &list) {
            QJsonArray items;
            for (const StuckRun &run : list)
                items.append(run.toJson());
            return http::HttpResponse::json({{u"items"_s, items}, {u"pending_seconds"_s, pendingSeconds}});
        });
    });
}

void RunAdminController::requeue(const QString &id, const http::Reply &reply)
{
    const QString uuid = ids::normalize(id);
    if (uuid.isEmpty())
        return reply.send(http::HttpResponse::error(RunStore::runNotFound()));
    m_runs.requeue(m_context, uuid, m_instanceId, [reply](const Result<RunRecord> &requeued) {
        reply.send(requeued, [](const RunRecord &run) {
            QJsonObject object = run.toJson();
            object.insert(u"message"_s, u"Run requeued"_s);
            return http::HttpResponse::json(object);
        });
    });
}

} // namespace wf::api
