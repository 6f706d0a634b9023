// The console's client and poller against a fake platform on loopback (a WebhookReceiver that
// answers what each test sets): timeouts, 503s, malformed JSON, 401, a refused connection, and a
// hung platform that must cost one pending request per kind, not a pile.
#include "webhookreceiver.h"

#include "client/apiclient.h"
#include "model/pagedtablemodel.h"
#include "model/runlistmodel.h"
#include "model/statspoller.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace wf::console;
using wf::test::WebhookReceiver;

namespace {

ApiResponse fetch(ApiClient &client, const QString &path)
{
    ApiResponse result;
    bool done = false;
    client.get(path, nullptr, [&](const ApiResponse &response) {
        result = response;
        done = true;
    });
    [[maybe_unused]] const bool finished = QTest::qWaitFor([&] { return done; }, 20000);
    return result;
}

QUrl base(const WebhookReceiver &receiver)
{
    return QUrl(QString::fromLatin1(receiver.url("")));
}

} // namespace

class TestConsoleClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersErrorsAndSilenceAreToldApart()
    {
        WebhookReceiver platform;
        ApiClient client(base(platform));
        client.setToken("wf_abc_secret");
        client.setTimeoutMs(400);
        platform.setAnswer("/ok", {200, R"j({"status":"ok"})j"});
        platform.setAnswer("/down", {503, R"j({"detail":"database unavailable"})j"});
        platform.setAnswer("/key", {401, R"j({"detail":"the API key is not valid (unknown or revoked)"})j"});
        platform.setAnswer("/html", {200, "<html>not the API</html>"});
        platform.setAnswer("/slow", {200, R"j({"late":true})j", 3000});

        ApiResponse ok = fetch(client, u"/ok"_s);
        QVERIFY(ok.ok());
        QCOMPARE(ok.object().value(u"status"_s).toString(), u"ok"_s);
        // The key went as a Bearer token.
        QCOMPARE(platform.requests().constLast().headers.value("authorization"), QByteArray("Bearer wf_abc_secret"));

        const ApiResponse down = fetch(client, u"/down"_s);
        QCOMPARE(down.status, 503);
        QVERIFY2(down.message().contains(u"database unavailable"_s) && down.message().contains(u"keeps trying"_s),
                 qPrintable(down.message()));
        const ApiResponse key = fetch(client, u"/key"_s);
        QCOMPARE(key.status, 401);
        QVERIFY2(key.message().contains(u"operator key"_s), qPrintable(key.message()));
        const ApiResponse html = fetch(client, u"/html"_s);
        QCOMPARE(html.outcome, ApiResponse::Outcome::Malformed);
        QVERIFY(!html.ok());

        QElapsedTimer clock;
        clock.start();
        const ApiResponse slow = fetch(client, u"/slow"_s);
        QCOMPARE(slow.outcome, ApiResponse::Outcome::Timeout);
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(slow.message().contains(u"did not answer"_s), qPrintable(slow.message()));
        QCOMPARE(client.inFlight(), 0);
    }

    void aRefusedConnectionSaysSo()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        ApiClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
        const ApiResponse refused = fetch(client, u"/api/v1/admin/stats"_s);
        QCOMPARE(refused.outcome, ApiResponse::Outcome::Network);
        QVERIFY2(refused.message().contains(u"Cannot reach"_s), qPrintable(refused.message()));
    }

    void aHungPlatformCostsOnePendingRequestAndGoesStale()
    {
        WebhookReceiver platform;
        // Every answer takes 4 s; the client gives up after 1.5 s.
        platform.setAnswer("/api/v1/admin/stats", {200, "{}", 4000});
        platform.setAnswer("/api/v1/admin/stats/history", {200, "{}", 4000});
        ApiClient client(base(platform));
        client.setTimeoutMs(1500);
        StatsPoller poller(client);
        QSignalSpy stale(&poller, &StatsPoller::staleChanged);
        poller.start(100); // ten rounds a second: a naive poller would pile up forty requests
        int most = 0;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 4000) {
            most = std::max(most, client.inFlight());
            QTest::qWait(20);
        }
        poller.stop();
        QVERIFY2(most <= 2, qPrintable(u"%1 requests in flight at once"_s.arg(most)));
        QVERIFY(poller.stale());
        QVERIFY2(poller.problem().contains(u"did not answer"_s), qPrintable(poller.problem()));
        // Requests made: about one per kind per timeout, not per tick.
        QVERIFY2(platform.count() <= 8, qPrintable(QString::number(platform.count())));
    }

    void thePollerRecoversWhenThePlatformAnswersAgain()
    {
        WebhookReceiver platform;
        platform.setAnswer("/api/v1/admin/stats", {503, R"j({"detail":"no API replica is available"})j"});
        ApiClient client(base(platform));
        StatsPoller poller(client);
        poller.start(100);
        QTRY_VERIFY_WITH_TIMEOUT(poller.stale() && poller.problem().contains(u"no API replica"_s), 5000);
        QVERIFY(!poller.latest());
        platform.setAnswer("/api/v1/admin/stats",
                           {200, R"j({"throughput":{},"errors":{},"components":{},"instances":[],"at":"2026-12-03T14:01:29.480Z"})j"});
        QTRY_VERIFY_WITH_TIMEOUT(!poller.stale(), 5000);
        QVERIFY(poller.latest());
        // A 200 that is not a stats answer: stale again, with the reason.
        platform.setAnswer("/api/v1/admin/stats", {200, R"j({"detail":"Not Found"})j"});
        QTRY_VERIFY_WITH_TIMEOUT(poller.stale() && poller.problem().contains(u"cannot be read"_s), 5000);
    }

    void pagesComeOnDemandAndAFailedPageSaysWhy()
    {
        WebhookReceiver platform;
        ApiClient client(base(platform));
        RunListModel runs(client);
        platform.setAnswer("/api/v1/runs", {200, R"j({"items":[{"run_id":"a","status":"success"},{"run_id":"b","status":"failed"}],"next_cursor":"c1"})j"});
        QSignalSpy pages(&runs, &PagedTableModel::pageLoaded);
        runs.setStatusFilter(u"failed"_s);
        runs.reload();
        QVERIFY(pages.wait(5000));
        QCOMPARE(runs.rowCount(), 2);
        QVERIFY(runs.canFetchMore({}));
        const QByteArray first = platform.requests().constLast().path;
        QVERIFY2(first.contains("status=failed") && first.contains("limit="), first.constData());
        platform.setAnswer("/api/v1/runs", {200, R"j({"items":[{"run_id":"d","status":"running"}],"next_cursor":null})j"});
        runs.fetchMore({});
        QVERIFY(pages.wait(5000));
        QCOMPARE(runs.rowCount(), 3);
        QVERIFY2(platform.requests().constLast().path.contains("cursor=c1"), platform.requests().constLast().path.constData());
        QVERIFY(runs.complete());
        QVERIFY(!runs.canFetchMore({}));
        QCOMPARE(runs.data(runs.index(2, RunListModel::Status)).toString(), u"running"_s);

        QSignalSpy failures(&runs, &PagedTableModel::failed);
        platform.setAnswer("/api/v1/runs", {400, R"j({"detail":"status must be one of …"})j"});
        runs.reload();
        QVERIFY(failures.wait(5000));
        QVERIFY2(failures.first().first().toString().contains(u"status must be one of"_s), qPrintable(failures.first().first().toString()));
        QCOMPARE(runs.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConsoleClient)
#include "tst_consoleclient.moc"
