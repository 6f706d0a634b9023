#include "loadtestrun.h"

#include "connectionpool.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace wf::bench {

namespace {

// Each user holds a connection: the soft limit of open files goes up to the hard one.
int raiseFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    return int(limit.rlim_cur);
}

} // namespace

int LoadTestRun::main(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The seed's load test: N users at once, each GET /health, GET /, POST /api/v1/workflows "
                                     "(twice), GET the workflow, POST /api/v1/trigger (twice), GET the run, GET /api/v1/runs?limit=50."_s);
    parser.addHelpOption();
    const QCommandLineOption url(u"url"_s, u"Base URL of the API (http only)."_s, u"url"_s, u"http://127.0.0.1:8000"_s);
    const QCommandLineOption users(u"users"_s, u"Simulated users, all started at once."_s, u"n"_s, u"1000"_s);
    const QCommandLineOption connections(u"connections"_s, u"Keep-alive connections at most (default: one per user)."_s, u"n"_s, u"0"_s);
    const QCommandLineOption threads(u"threads"_s, u"Threads (default: one per core)."_s, u"n"_s, u"0"_s);
    const QCommandLineOption timeout(u"timeout"_s, u"Seconds a request may take before it counts as failed."_s, u"s"_s, u"60"_s);
    const QCommandLineOption settle(u"settle"_s, u"Seconds to wait afterwards for the triggered runs to end (0: do not)."_s, u"s"_s, u"120"_s);
    const QCommandLineOption delay(u"delay"_s, u"Seconds of the workflow's delay step."_s, u"s"_s, u"1"_s);
    const QCommandLineOption token(u"token"_s, u"A client key (or WF_LOADTEST_TOKEN) for WF_AUTH=required."_s, u"key"_s);
    const QCommandLineOption rounds(u"rounds"_s, u"Times each user goes through the flow (the seed: 1); more for a steady state."_s, u"n"_s, u"1"_s);
    const QCommandLineOption json(u"json"_s, u"Print the report as JSON (the progress line goes to stderr either way)."_s);
    const QCommandLineOption quiet(u"quiet"_s, u"No progress line."_s);
    parser.addOptions({url, users, connections, threads, timeout, settle, delay, rounds, token, json, quiet});
    parser.process(app);

    Options options;
    options.url = QUrl(parser.value(url));
    bool ok = true;
    auto number = [&](const QCommandLineOption &option, int min) {
        bool valid = false;
        const int value = parser.value(option).toInt(&valid);
        if (!valid || value < min) {
            std::fprintf(stderr, "wf-loadtest: --%s must be an integer of at least %d\n", qPrintable(option.names().first()), min);
            ok = false;
        }
        return value;
    };
    options.users = number(users, 1);
    options.connections = number(connections, 0);
    options.threads = number(threads, 0);
    options.timeoutSeconds = number(timeout, 1);
    options.settleSeconds = number(settle, 0);
    options.rounds = number(rounds, 1);
    bool delayValid = false;
    options.delaySeconds = parser.value(delay).toDouble(&delayValid);
    if (!delayValid || options.delaySeconds < 0) {
        std::fprintf(stderr, "wf-loadtest: --delay must be a number of seconds, got %s\n", qPrintable(parser.value(delay)));
        ok = false;
    }
    if (!options.url.isValid() || options.url.scheme() != u"http"_s || options.url.host().isEmpty()) {
        std::fprintf(stderr, "wf-loadtest: --url must be an http:// URL, got %s\n", qPrintable(parser.value(url)));
        ok = false;
    }
    if (!ok)
        return 2;
    const QString key = parser.isSet(token) ? parser.value(token) : qEnvironmentVariable("WF_LOADTEST_TOKEN");
    if (!key.isEmpty())
        options.authorization = "Bearer " + key.toUtf8();
    options.json = parser.isSet(json);
    options.quiet = parser.isSet(quiet);
    LoadTestRun run(options);
    return run.exec();
}

LoadTestRun::LoadTestRun(Options options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    if (m_options.connections <= 0)
        m_options.connections = m_options.users;
    if (m_options.threads <= 0)
        m_options.threads = qMax(1, QThread::idealThreadCount());
    m_options.threads = qMin(m_options.threads, m_options.users);
}

LoadTestRun::~LoadTestRun()
{
    for (QThread *thread : m_threads) {
        thread->quit();
        thread->wait();
        delete thread;
    }
}

QByteArray LoadTestRun::workflowBody() const
{
    return u"{\"name\":\"Load Test Workflow\",\"description\":\"wf-loadtest\",\"steps\":[{\"name\":\"wait\",\"type\":\"delay\","
           "\"config\":{\"duration\":%1}}]}"_s.arg(m_options.delaySeconds)
            .toUtf8();
}

bool LoadTestRun::seedWorkflow(QString *why)
{
    // One workflow before the users start: the API answers, and what it stores is warm.
    const quint16 port = quint16(m_options.url.port(80));
    ConnectionPool pool(m_options.url.host(), port, 1, m_options.timeoutSeconds * 1000);
    QEventLoop loop;
    HttpConnection::Response answer;
    const QByteArray request = HttpConnection::request("POST", m_options.url.host(), port, u"/api/v1/workflows"_s,
                                                       workflowBody(), m_options.authorization);
    pool.send(request, [&](const HttpConnection::Response &response) {
        answer = response;
        loop.quit();
    });
    loop.exec();
    if (answer.status >= 200 && answer.status < 300)
        return true;
    *why = answer.status > 0 ? u"HTTP %1: %2"_s.arg(answer.status).arg(QString::fromUtf8(answer.body.left(300))) : answer.error;
    return false;
}

int LoadTestRun::exec()
{
    const int files = raiseFileLimit();
    if (files > 0 && m_options.connections + 64 > files)
        std::fprintf(stderr, "wf-loadtest: only %d open files allowed; connections beyond that fail\n", files);
    QString why;
    if (!seedWorkflow(&why)) {
        std::fprintf(stderr, "wf-loadtest: seeding the workflow at %s failed: %s\n", qPrintable(m_options.url.toString()), qPrintable(why));
        return 1;
    }
    const int threads = m_options.threads;
    int finished = 0;
    QEventLoop loop;
    for (int t = 0; t < threads; ++t) {
        SeedFlow::Options flow;
        flow.host = m_options.url.host();
        flow.port = quint16(m_options.url.port(80));
        // Users and connections split as evenly as they go.
        flow.firstUser = m_options.users * t / threads;
        flow.users = m_options.users * (t + 1) / threads - flow.firstUser;
        flow.connections = qMax(1, m_options.connections * (t + 1) / threads - m_options.connections * t / threads);
        flow.timeoutMs = m_options.timeoutSeconds * 1000;
        flow.rounds = m_options.rounds;
        flow.workflow = workflowBody();
        flow.authorization = m_options.authorization;
        auto *thread = new QThread;
        thread->setObjectName(u"load-%1"_s.arg(t));
        auto *seed = new SeedFlow(flow, m_progress);
        seed->moveToThread(thread);
        connect(thread, &QThread::finished, seed, &QObject::deleteLater);
        connect(seed, &SeedFlow::finished, &loop, [&] {
            if (++finished == threads)
                loop.quit();
        }, Qt::QueuedConnection);
        m_threads.push_back(thread);
        m_flows.push_back(seed);
        thread->start();
    }
    QTimer progress;
    if (!m_options.quiet) {
        connect(&progress, &QTimer::timeout, this, &LoadTestRun::printProgress);
        progress.start(1000);
    }
    QElapsedTimer wall;
    wall.start();
    m_started = QDateTime::currentMSecsSinceEpoch();
    for (SeedFlow *seed : m_flows)
        QMetaObject::invokeMethod(seed, &SeedFlow::start, Qt::QueuedConnection);
    loop.exec();
    const double wallSeconds = double(wall.nsecsElapsed()) / 1e9;
    progress.stop();
    if (!m_options.quiet)
        std::fprintf(stderr, "\n");

    if (m_options.settleSeconds > 0) {
        int settled = 0;
        QEventLoop settling;
        for (SeedFlow *seed : m_flows) {
            connect(seed, &SeedFlow::settled, &settling, [&] {
                if (++settled == threads)
                    settling.quit();
            }, Qt::QueuedConnection);
            const int seconds = m_options.settleSeconds;
            QMetaObject::invokeMethod(seed, [seed, seconds] { seed->settle(seconds); }, Qt::QueuedConnection);
        }
        settling.exec();
    }
    // Every flow is idle now: its thread's data may be read from here.
    const QJsonObject result = report(wallSeconds);
    if (m_options.json)
        std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    else
        printText(result);
    return 0;
}

void LoadTestRun::printProgress()
{
    const double seconds = double(QDateTime::currentMSecsSinceEpoch() - m_started) / 1000.0;
    const qint64 requests = m_progress.requests.load();
    std::fprintf(stderr, "\r[%6.1f s] %lld requests, %lld failed, %.0f req/s, users done %lld/%d   ", seconds, requests,
                 m_progress.failed.load(), seconds > 0 ? double(requests) / seconds : 0.0, m_progress.usersDone.load(),
                 m_options.users);
    std::fflush(stderr);
}

QJsonObject LoadTestRun::report(double wallSeconds)
{
    LoadStats all;
    SeedFlow::RunTally runs;
    int opened = 0;
    for (SeedFlow *seed : m_flows) {
        all.merge(seed->stats());
        runs.triggered += seed->runs().triggered;
        runs.succeeded += seed->runs().succeeded;
        runs.failed += seed->runs().failed;
        runs.unfinished += seed->runs().unfinished;
        opened += seed->connectionsOpened();
    }
    const qint64 total = all.total();
    const qint64 failed = all.failed();
    QJsonObject endpoints;
    for (int e = 0; e < LoadStats::EndpointCount; ++e)
        endpoints.insert(LoadStats::endpointName(LoadStats::Endpoint(e)), all.summary(LoadStats::Endpoint(e)));
    QJsonObject failures;
    for (auto it = all.failures().cbegin(); it != all.failures().cend(); ++it)
        failures.insert(it.key(), it.value());
    QJsonObject latency = all.summary();
    latency.remove(u"requests"_s);
    latency.remove(u"failed"_s);
    QJsonObject result{{u"url"_s, m_options.url.toString()},
                       {u"users"_s, m_options.users},
                       {u"connections_limit"_s, m_options.connections},
                       {u"connections_opened"_s, opened},
                       {u"threads"_s, m_options.threads},
                       {u"rounds"_s, m_options.rounds},
                       {u"total"_s, total},
                       {u"failed"_s, failed},
                       {u"error_percent"_s, total > 0 ? std::round(10000.0 * double(failed) / double(total)) / 100.0 : 0.0},
                       {u"wall_seconds"_s, std::round(wallSeconds * 1000.0) / 1000.0},
                       {u"requests_per_second"_s, std::round(double(total) / wallSeconds)},
                       {u"latency"_s, latency},
                       {u"endpoints"_s, endpoints},
                       {u"failures"_s, failures}};
    if (m_options.settleSeconds > 0)
        result.insert(u"runs"_s, QJsonObject{{u"triggered"_s, runs.triggered},
                                             {u"succeeded"_s, runs.succeeded},
                                             {u"failed"_s, runs.failed},
                                             {u"unfinished"_s, runs.unfinished}});
    return result;
}

void LoadTestRun::printText(const QJsonObject &report)
{
    const QJsonObject latency = report.value(u"latency"_s).toObject();
    std::printf("%s, %d users, %d connections at most (%d opened), %d threads\n", qPrintable(report.value(u"url"_s).toString()),
                report.value(u"users"_s).toInt(), report.value(u"connections_limit"_s).toInt(),
                report.value(u"connections_opened"_s).toInt(), report.value(u"threads"_s).toInt());
    std::printf("requests %lld, failed %lld (%.2f %%), wall %.3f s, %.0f req/s\n", qint64(report.value(u"total"_s).toDouble()),
                qint64(report.value(u"failed"_s).toDouble()), report.value(u"error_percent"_s).toDouble(),
                report.value(u"wall_seconds"_s).toDouble(), report.value(u"requests_per_second"_s).toDouble());
    std::printf("latency ms: mean %.1f  p50 %.1f  p90 %.1f  p95 %.1f  p99 %.1f  max %.1f\n", latency.value(u"mean_ms"_s).toDouble(),
                latency.value(u"p50_ms"_s).toDouble(), latency.value(u"p90_ms"_s).toDouble(), latency.value(u"p95_ms"_s).toDouble(),
                latency.value(u"p99_ms"_s).toDouble(), latency.value(u"max_ms"_s).toDouble());
    std::printf("%-28s %8s %7s %8s %8s %8s\n", "endpoint", "requests", "failed", "mean", "p50", "p99");
    const QJsonObject endpoints = report.value(u"endpoints"_s).toObject();
    for (int e = 0; e < LoadStats::EndpointCount; ++e) {
        const QString name = LoadStats::endpointName(LoadStats::Endpoint(e));
        const QJsonObject one = endpoints.value(name).toObject();
        std::printf("%-28s %8lld %7lld %8.1f %8.1f %8.1f\n", qPrintable(name), qint64(one.value(u"requests"_s).toDouble()),
                    qint64(one.value(u"failed"_s).toDouble()), one.value(u"mean_ms"_s).toDouble(), one.value(u"p50_ms"_s).toDouble(),
                    one.value(u"p99_ms"_s).toDouble());
    }
    const QJsonObject failures = report.value(u"failures"_s).toObject();
    for (auto it = failures.constBegin(); it != failures.constEnd(); ++it)
        std::printf("failure: %s × %lld\n", qPrintable(it.key()), qint64(it.value().toDouble()));
    if (report.contains(u"runs"_s)) {
        const QJsonObject runs = report.value(u"runs"_s).toObject();
        std::printf("runs: %lld triggered, %lld reached success, %lld failed, %lld unfinished\n",
                    qint64(runs.value(u"triggered"_s).toDouble()), qint64(runs.value(u"succeeded"_s).toDouble()),
                    qint64(runs.value(u"failed"_s).toDouble()), qint64(runs.value(u"unfinished"_s).toDouble()));
    }
}

} // namespace wf::bench
