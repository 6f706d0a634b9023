// wf-loadtest (bench/loadtest) against a fake API on loopback that answers like the platform:
// every user goes through the seed's flow in order, the ids it reads come from the untimed
// requests, 2xx counts as success and anything else as a failure by kind, chunked bodies and
// `Connection: close` are read, the pool never holds more connections than asked, and the runs
// are followed until they ended. Bad options are refused.
#include "testcluster.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

// Answers the seed flow's requests; keep-alive, one request at a time per connection.
class FakeApi : public QObject
{
public:
    FakeApi()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++m_accepted;
                m_peak = qMax(m_peak, ++m_open);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    --m_open;
                    socket->deleteLater();
                });
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }

    quint16 port() const { return m_server.serverPort(); }
    int peak() const { return m_peak; }
    int accepted() const { return m_accepted; }
    const QHash<QByteArray, int> &requests() const { return m_requests; }
    int runReads() const { return m_runReads; }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer.left(end);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            if (buffer.size() < end + 4 + length)
                return;
            buffer.remove(0, end + 4 + length);
            const QList<QByteArray> first = head.left(head.indexOf('\r')).split(' ');
            answer(socket, first.value(0) + ' ' + first.value(1));
        }
    }

    void answer(QTcpSocket *socket, const QByteArray &request)
    {
        QByteArray key = request;
        if (key.startsWith("GET /api/v1/workflows/"))
            key = "GET /api/v1/workflows/{id}";
        else if (key.startsWith("GET /api/v1/runs/"))
            key = "GET /api/v1/runs/{id}";
        const int n = ++m_requests[key];
        int status = 200;
        QByteArray body = "{}";
        bool close = false;
        bool chunked = false;
        if (key == "GET /health") {
            close = n % 2 == 0; // every other one ends its connection
        } else if (key == "POST /api/v1/workflows") {
            body = "{\"workflow_id\":\"w" + QByteArray::number(n) + "\"}";
            chunked = n % 2 == 0;
        } else if (key == "POST /api/v1/trigger") {
            body = "{\"run_id\":\"r" + QByteArray::number(n) + "\",\"status\":\"pending\"}";
        } else if (key == "GET /api/v1/runs/{id}") {
            // Reads of a run: pending the first time each run is asked for after the flow.
            body = m_seen.contains(request) ? "{\"status\":\"success\"}" : "{\"status\":\"pending\"}";
            m_seen.insert(request, true);
            ++m_runReads;
        } else if (key == "GET /api/v1/runs?limit=50") {
            status = 503;
            body = "{\"detail\":\"busy\"}";
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Service Unavailable")
                + "\r\nContent-Type: application/json\r\n";
        if (close)
            out += "Connection: close\r\n";
        if (chunked) {
            out += "Transfer-Encoding: chunked\r\n\r\n";
            const QByteArray a = body.left(5), b = body.mid(5);
            out += QByteArray::number(a.size(), 16) + "\r\n" + a + "\r\n" + QByteArray::number(b.size(), 16) + "\r\n" + b + "\r\n0\r\n\r\n";
        } else {
            out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        }
        socket->write(out);
        if (close)
            socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QByteArray, int> m_requests;
    QHash<QByteArray, bool> m_seen;
    int m_open = 0;
    int m_peak = 0;
    int m_accepted = 0;
    int m_runReads = 0;
};

// Runs wf-loadtest while this thread's event loop serves the fake API.
int runLoadTest(const QStringList &arguments, QByteArray *out, QByteArray *err)
{
    QProcess process;
    process.start(wf::test::binDir() + u"/wf-loadtest"_s, arguments);
    if (!process.waitForStarted())
        return -1;
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
        process.kill();
        process.waitForFinished();
        return -2; // still running after a minute
    }
    *out = process.readAllStandardOutput();
    *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

class TestLoadTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theSeedFlowIsCountedAsTheSeedCountsIt()
    {
        FakeApi api;
        QVERIFY(api.port() > 0);
        QByteArray out, err;
        const int code = runLoadTest({u"--url"_s, u"http://127.0.0.1:%1"_s.arg(api.port()), u"--users"_s, u"30"_s,
                                      u"--connections"_s, u"10"_s, u"--threads"_s, u"2"_s, u"--settle"_s, u"20"_s, u"--json"_s},
                                     &out, &err);
        QVERIFY2(code == 0, err.constData());
        const QJsonObject report = QJsonDocument::fromJson(out).object();
        QVERIFY2(!report.isEmpty(), out.constData());
        // 7 timed requests per user; the 503s of the run list are its failures.
        QCOMPARE(report.value(u"total"_s).toInt(), 210);
        QCOMPARE(report.value(u"failed"_s).toInt(), 30);
        QCOMPARE(report.value(u"error_percent"_s).toDouble(), 14.29);
        QCOMPARE(report.value(u"failures"_s).toObject(), (QJsonObject{{u"HTTP 503"_s, 30}}));
        const QJsonObject endpoints = report.value(u"endpoints"_s).toObject();
        QCOMPARE(endpoints.size(), 7);
        for (auto it = endpoints.constBegin(); it != endpoints.constEnd(); ++it)
            QCOMPARE(it.value().toObject().value(u"requests"_s).toInt(), 30);
        QCOMPARE(endpoints.value(u"GET /api/v1/runs?limit=50"_s).toObject().value(u"failed"_s).toInt(), 30);
        // The server saw the flow: two workflow POSTs and two triggers per user, one seeding POST.
        QCOMPARE(api.requests().value("POST /api/v1/workflows"), 61);
        QCOMPARE(api.requests().value("POST /api/v1/trigger"), 60);
        QCOMPARE(api.requests().value("GET /api/v1/workflows/{id}"), 30);
        // Never more connections at once than the pool's limit (and the seeding one), though
        // every other /health answer closed its connection.
        QVERIFY2(api.peak() <= 11, qPrintable(QString::number(api.peak())));
        QVERIFY(api.accepted() > 15);
        // Both runs of each user followed until they ended (pending first, then success).
        const QJsonObject runs = report.value(u"runs"_s).toObject();
        QCOMPARE(runs.value(u"triggered"_s).toInt(), 60);
        QCOMPARE(runs.value(u"succeeded"_s).toInt(), 60);
        QCOMPARE(runs.value(u"unfinished"_s).toInt(), 0);
        // one read in the flow (pending) and one after it for the untimed run, two for the timed one
        QCOMPARE(api.runReads(), 30 + 30 + 30 * 2);
        QVERIFY(report.value(u"requests_per_second"_s).toDouble() > 0);
        QVERIFY(report.value(u"latency"_s).toObject().value(u"p99_ms"_s).toDouble() > 0);
    }

    void badOptionsAndADeadServerAreSaid()
    {
        QByteArray out, err;
        QCOMPARE(runLoadTest({u"--users"_s, u"0"_s}, &out, &err), 2);
        QVERIFY2(err.contains("--users must be an integer of at least 1"), err.constData());
        QCOMPARE(runLoadTest({u"--url"_s, u"https://127.0.0.1:1"_s}, &out, &err), 2);
        QVERIFY2(err.contains("http://"), err.constData());
        const int port = wf::test::freePort();
        QCOMPARE(runLoadTest({u"--url"_s, u"http://127.0.0.1:%1"_s.arg(port), u"--users"_s, u"5"_s}, &out, &err), 1);
        QVERIFY2(err.contains("seeding the workflow") && err.contains("refused"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestLoadTest)
#include "tst_loadtest.moc"
