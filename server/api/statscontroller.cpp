#include "statscontroller.h"

#include "stats/historyseries.h"
#include "store/statsstore.h"

using namespace Qt::StringLiterals;

namespace wf::api {

namespace {

constexpr int kDefaultWindowSeconds = 15 * 60;
constexpr int kFineWindowSeconds = 15 * 60; // up to this, 1 s resolution; beyond, 5 s

} // namespace

StatsController::StatsController(QObject *context, ClusterStatsSource &source, StatsStore &stats, int historySeconds)
    : m_context(context), m_source(source), m_stats(stats), m_historySeconds(historySeconds)
{
}

void StatsController::registerRoutes(http::Router &router)
{
    using namespace http;
    router.add("GET", u"/api/v1/admin/stats"_s, [this](const HttpRequest &, const PathArgs &, const Reply &reply) {
        stats(reply);
    });
    router.add("GET", u"/api/v1/admin/stats/history"_s, [this](const HttpRequest &request, const PathArgs &, const Reply &reply) {
        history(request, reply);
    });
}

std::optional<int> StatsController::parseWindow(const QString &text)
{
    static const QList<std::pair<QChar, int>> units{{u's', 1}, {u'm', 60}, {u'h', 3600}};
    QString number = text.trimmed();
    int unit = 1;
    for (const auto &[suffix, seconds] : units) {
        if (number.endsWith(suffix)) {
            number.chop(1);
            unit = seconds;
            break;
        }
    }
    bool ok = false;
    const int value = number.toInt(&ok);
    if (!ok || value <= 0 || value > 7 * 86400 / unit)
        return std::nullopt;
    return value * unit;
}

void StatsController::stats(const http::Reply &reply)
{
    m_source.collect([reply](const ClusterView &view) { reply.send(http::HttpResponse::json(view.toJson())); });
}

void StatsController::history(const http::HttpRequest &request, const http::Reply &reply)
{
    const QString text = request.queryValue(u"window"_s);
    const std::optional<int> window = text.isEmpty() ? std::optional<int>(kDefaultWindowSeconds) : parseWindow(text);
    if (!window || *window < 10 || *window > m_historySeconds)
        return reply.send(http::HttpResponse::error(Error::invalid(
                u"window must be a duration between 10s and %1s, such as 90s, 15m or 1h; got \"%2\""_s.arg(m_historySeconds)
                        .arg(text.left(40)))));
    const int resolution = *window <= kFineWindowSeconds ? 1 : 5;
    m_stats.history(m_context, *window, [reply, window = *window, resolution](const Result<QList<StatsSample>> &samples) {
        reply.send(samples, [window, resolution](const QList<StatsSample> &list) {
            QJsonObject object = historySeries(list, resolution);
            object.insert(u"window_seconds"_s, window);
            return http::HttpResponse::json(object);
        });
    });
}

} // namespace wf::api
