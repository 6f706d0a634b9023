// wf-runbench: runs completed per second and trigger-to-terminal latency of a one-step transform
// workflow against a running platform. Triggers over HTTP (at a fixed rate or as fast as the API
// takes them), waits until every run it made is terminal, then reads the times the database
// recorded: latency = completed_at - started_at (started_at is the trigger time), throughput =
// runs / (last completion - first trigger).
//
//   PGPASSFILE=.wf/pgpass wf-runbench --api http://127.0.0.1:8000 --database postgresql://workflow@127.0.0.1:25432/workflow
//               [--runs 20000] [--rate 0|runs-per-second] [--concurrency 64]
#include "core/json.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <libpq-fe.h>

#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

QString queryScalar(PGconn *connection, const QByteArray &sql)
{
    PGresult *result = PQexec(connection, sql.constData());
    QString value;
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) > 0)
        value = QString::fromUtf8(PQgetvalue(result, 0, 0));
    else
        std::fprintf(stderr, "query failed: %s\n", PQresultErrorMessage(result));
    PQclear(result);
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Runs/s and trigger-to-terminal latency of a one-step transform workflow."_s);
    parser.addHelpOption();
    const QCommandLineOption apiOption(u"api"_s, u"API base URL."_s, u"url"_s, u"http://127.0.0.1:8000"_s);
    const QCommandLineOption databaseOption(u"database"_s, u"PostgreSQL URL (libpq) to read run times from; "
                                                                "a local stack's password is in its pgpass file (PGPASSFILE)."_s,
                                            u"url"_s, u"postgresql://workflow@127.0.0.1:25432/workflow"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs to trigger."_s, u"n"_s, u"20000"_s);
    const QCommandLineOption rateOption(u"rate"_s, u"Triggers per second; 0 = as fast as possible."_s, u"r"_s, u"0"_s);
    const QCommandLineOption concurrencyOption(u"concurrency"_s, u"Trigger requests in flight at most."_s, u"n"_s, u"64"_s);
    parser.addOptions({apiOption, databaseOption, runsOption, rateOption, concurrencyOption});
    parser.process(app);
    const QString api = parser.value(apiOption);
    const int total = parser.value(runsOption).toInt();
    const double rate = parser.value(rateOption).toDouble();
    const int concurrency = qMax(1, parser.value(concurrencyOption).toInt());

    // Several managers: one keeps at most six connections per host.
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    for (int i = 0; i < qMax(1, concurrency / 6 + 1); ++i)
        managers.push_back(std::make_unique<QNetworkAccessManager>());
    auto post = [&](int index, const QString &path, const QByteArray &body) {
        QNetworkRequest request{QUrl(api + path)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        return managers[size_t(index) % managers.size()]->post(request, body);
    };

    QNetworkReply *created = post(0, u"/api/v1/workflows"_s,
                                  R"({"id":"runbench","name":"runbench","steps":[{"name":"shape","type":"transform",)"
                                  R"("config":{"output":{"n":"${payload.n}","run":"${run.id}"}}}]})");
    QEventLoop wait;
    QObject::connect(created, &QNetworkReply::finished, &wait, &QEventLoop::quit);
    wait.exec();
    const QString workflow = wf::json::parse(created->readAll()).value_or(QJsonValue()).toObject().value(u"workflow_id"_s).toString();
    if (workflow.isEmpty()) {
        std::fprintf(stderr, "could not create the workflow at %s\n", qPrintable(api));
        return 1;
    }

    int sent = 0;
    int answered = 0;
    int failed = 0;
    int inFlight = 0;
    QElapsedTimer clock;
    clock.start();
    QTimer pump;
    std::function<void()> fill = [&] {
        while (sent < total && inFlight < concurrency && (rate <= 0 || sent < clock.elapsed() * rate / 1000.0)) {
            const QByteArray body = "{\"workflow_id\":\"" + workflow.toLatin1() + "\",\"payload\":{\"n\":" + QByteArray::number(sent) + "}}";
            QNetworkReply *reply = post(sent, u"/api/v1/trigger"_s, body);
            ++sent;
            ++inFlight;
            QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply] {
                --inFlight;
                ++answered;
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                    ++failed;
                reply->deleteLater();
                if (answered == total)
                    app.quit();
                else
                    fill();
            });
        }
    };
    QObject::connect(&pump, &QTimer::timeout, &app, fill);
    pump.start(rate > 0 ? 2 : 50);
    fill();
    app.exec();
    const double triggerSeconds = clock.elapsed() / 1000.0;

    PGconn *connection = PQconnectdb(parser.value(databaseOption).toUtf8().constData());
    if (PQstatus(connection) != CONNECTION_OK) {
        std::fprintf(stderr, "database: %s\n", PQerrorMessage(connection));
        return 1;
    }
    const QByteArray mine = "workflow_id = '" + workflow.toLatin1() + "'";
    QElapsedTimer drain;
    drain.start();
    while (queryScalar(connection, "SELECT count(*) FROM workflow_runs WHERE " + mine + " AND status IN ('pending','running')").toInt() > 0
           && drain.elapsed() < 600000)
        QThread::msleep(200);
    const QString summary = queryScalar(
            connection,
            "SELECT json_build_object("
            " 'runs', count(*), 'succeeded', count(*) FILTER (WHERE status = 'success'),"
            " 'throughput', round((count(*) / GREATEST(extract(epoch FROM max(completed_at) - min(started_at)), 0.001))::numeric, 1),"
            " 'p50_ms', round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - started_at)) * 1000)::numeric, 1),"
            " 'p90_ms', round((percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - started_at)) * 1000)::numeric, 1),"
            " 'p99_ms', round((percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - started_at)) * 1000)::numeric, 1),"
            " 'max_ms', round((max(extract(epoch FROM completed_at - started_at)) * 1000)::numeric, 1))"
            " FROM workflow_runs WHERE " + mine);
    PQfinish(connection);
    std::printf("{\"rate\": %g, \"trigger_seconds\": %.2f, \"trigger_errors\": %d, \"result\": %s}\n", rate, triggerSeconds,
                failed, qPrintable(summary));
    return failed == 0 ? 0 : 1;
}
