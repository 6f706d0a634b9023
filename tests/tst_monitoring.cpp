// Debian's real Prometheus scrapes a real wf-server (PostgreSQL behind it), and PromQL over the
// scraped series moves with known traffic: the metrics are usable, not only well formed.
#include "httpclient.h"
#include "serverprocess.h"
#include "testcluster.h"

#include "core/json.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using wf::test::HttpClient;
using wf::test::HttpResult;

class TestMonitoring : public QObject
{
    Q_OBJECT

private:
    wf::test::TestCluster m_cluster;
    wf::test::ServerProcess m_server;
    std::unique_ptr<HttpClient> m_http;
    QTemporaryDir m_dir{QDir::tempPath() + u"/wf-prometheus-XXXXXX"_s};
    QProcess m_prometheus;
    int m_prometheusPort = wf::test::freePort();
    std::unique_ptr<HttpClient> m_query;

    // The value of a PromQL expression that yields one sample; nullopt while it yields none.
    std::optional<double> query(const QString &expression)
    {
        QUrlQuery parameters;
        parameters.addQueryItem(u"query"_s, expression);
        const HttpResult answer = m_query->get(u"/api/v1/query?"_s + parameters.toString(QUrl::FullyEncoded));
        const QJsonArray result = answer.object().value(u"data"_s).toObject().value(u"result"_s).toArray();
        if (answer.status != 200 || result.size() != 1)
            return std::nullopt;
        return result.at(0).toObject().value(u"value"_s).toArray().at(1).toString().toDouble();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error = m_cluster.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        error = m_server.start(m_cluster.databaseUrl());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_http = std::make_unique<HttpClient>(m_server.url());

        QFile config(m_dir.filePath(u"prometheus.yml"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(u"global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: wf-server\n"
                     "    static_configs:\n      - targets: ['127.0.0.1:%1']\n"_s.arg(m_server.port())
                             .toUtf8());
        config.close();
        m_prometheus.setProcessChannelMode(QProcess::MergedChannels);
        m_prometheus.setStandardOutputFile(m_dir.filePath(u"prometheus.log"_s));
        m_prometheus.start(u"prometheus"_s, {u"--config.file="_s + config.fileName(), u"--storage.tsdb.path="_s + m_dir.filePath(u"data"_s),
                                             u"--web.listen-address=127.0.0.1:%1"_s.arg(m_prometheusPort)});
        QVERIFY2(m_prometheus.waitForStarted(10000), "prometheus (Debian package prometheus) did not start");
        m_query = std::make_unique<HttpClient>(QUrl(u"http://127.0.0.1:%1"_s.arg(m_prometheusPort)));
        // Scraping: the target is up.
        QVERIFY2(QTest::qWaitFor([&] { return query(u"up{job=\"wf-server\"}"_s) == 1.0; }, 60000),
                 qPrintable(QString::fromUtf8(m_query->get(u"/api/v1/targets"_s).body)));
    }

    void cleanupTestCase()
    {
        m_prometheus.terminate();
        if (!m_prometheus.waitForFinished(10000))
            m_prometheus.kill();
        m_server.stop();
    }

    void promqlOverTheRunCounterMovesWithTraffic()
    {
        const HttpResult created = m_http->postJson(
                u"/api/v1/workflows"_s,
                QJsonObject{{u"name"_s, u"metrics"_s},
                            {u"steps"_s, QJsonArray{QJsonObject{{u"name"_s, u"a"_s}, {u"type"_s, u"log"_s},
                                                                {u"config"_s, QJsonObject{{u"message"_s, u"m"_s}}}}}}});
        QCOMPARE(created.status, 200);
        const QString workflow = created.object().value(u"workflow_id"_s).toString();
        const double before = query(u"sum(wf_runs_triggered_total)"_s).value_or(0);
        for (int i = 0; i < 17; ++i) {
            const HttpResult triggered = m_http->postJson(u"/api/v1/trigger"_s, QJsonObject{{u"workflow_id"_s, workflow}});
            QCOMPARE(triggered.status, 200);
        }
        // What the server counted is what Prometheus scraped.
        QVERIFY2(QTest::qWaitFor([&] { return query(u"sum(wf_runs_triggered_total)"_s) == before + 17; }, 30000),
                 qPrintable(QString::number(query(u"sum(wf_runs_triggered_total)"_s).value_or(-1))));
        QVERIFY(QTest::qWaitFor(
                [&] { return query(u"sum(wf_http_requests_total{route=\"/api/v1/trigger\",code=\"200\"})"_s).value_or(0) >= 17; },
                30000));
        // A histogram quantile is computable from the latency buckets.
        QVERIFY(QTest::qWaitFor(
                [&] {
                    const std::optional<double> p99 = query(
                            u"histogram_quantile(0.99, sum by (le) (wf_http_request_duration_seconds_bucket{route=\"/api/v1/trigger\"}))"_s);
                    return p99 && *p99 > 0 && *p99 < 10;
                },
                30000));
        QVERIFY(query(u"process_resident_memory_bytes{job=\"wf-server\"}"_s).value_or(0) > 1e6);
    }
};

QTEST_GUILESS_MAIN(TestMonitoring)
#include "tst_monitoring.moc"
