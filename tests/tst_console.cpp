// The operator console against a real stack (wf-stack: nginx, 2 servers, 1 worker, PgBouncer,
// Redis, the broker), as an operator uses it: the overview fills and moves with load, a replica
// change made in the capacity view converges and is listed with its reason, a killed worker
// leaves the instance table, the key is found without asking (WF_CONSOLE_TOKEN, the local stack's
// key file) and the missing keychain is said plainly, each main view renders (PNGs under
// build/screenshots), German is complete, and wf-console runs as a real window under Xvfb.
#include "httpclient.h"
#include "screenshots.h"
#include "stackports.h"
#include "testcluster.h"

#include "client/apiclient.h"
#include "model/instancetablemodel.h"
#include "model/scalingcontroller.h"
#include "model/statspoller.h"
#include "ui/capacitypage.h"
#include "ui/componentscalingpanel.h"
#include "ui/connectiondialog.h"
#include "ui/consolestartup.h"
#include "ui/mainwindow.h"
#include "ui/metrictile.h"
#include "ui/overviewpage.h"
#include "ui/platformview.h"
#include "ui/timeserieschart.h"

#include <QApplication>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QProcess>
#include <QSet>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace wf::console;
using wf::test::HttpClient;

class TestConsole : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_state{QDir::tempPath() + u"/wf-console-XXXXXX"_s};
    QProcess m_stack;
    wf::test::StackPorts m_ports{6}; // health ports for up to 6 workers
    QProcessEnvironment m_environment;
    QByteArray m_key;
    std::unique_ptr<HttpClient> m_http;
    QUrl m_url;
    QString m_workflow;

    QStringList trigger(int count)
    {
        QStringList runs;
        for (int i = 0; i < count; ++i) {
            const auto answer = m_http->postJson(u"/api/v1/trigger"_s,
                                                 QJsonObject{{u"workflow_id"_s, m_workflow}, {u"payload"_s, QJsonObject{{u"i"_s, i}}}});
            if (answer.status == 200)
                runs.append(answer.object().value(u"run_id"_s).toString());
        }
        return runs;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings of the test, not the user's
        QVERIFY(m_ports.server > 0 && m_ports.workerHealth > 0);
        m_environment = m_ports.environment(m_state.path());
        m_environment.insert(u"WF_KAFKA_SESSION_TIMEOUT_MS"_s, u"6000"_s);
        m_stack.setProcessEnvironment(m_environment);
        m_stack.setProcessChannelMode(QProcess::ForwardedChannels);
        m_stack.start(wf::test::binDir() + u"/wf-stack"_s, {u"up"_s, u"--api"_s, u"2"_s, u"--workers"_s, u"1"_s});
        QVERIFY(m_stack.waitForStarted());
        QCOMPARE(wf::test::stackCommand(m_environment, {u"wait-ready"_s, u"--timeout"_s, u"150"_s}), 0);
        m_key = wf::test::stackOperatorKey(m_environment);
        QVERIFY(!m_key.isEmpty());
        m_url = QUrl(u"http://127.0.0.1:%1"_s.arg(m_ports.http));
        m_http = std::make_unique<HttpClient>(m_url);
        m_http->setKey(m_key);
        const auto created = m_http->postJson(u"/api/v1/workflows"_s,
                                              QJsonDocument::fromJson(R"j({"name":"console test","steps":[{"name":"shape",
                                                  "type":"transform","config":{"output":{"n":"${payload.i}"}}}]})j")
                                                      .object());
        QCOMPARE(created.status, 200);
        m_workflow = created.object().value(u"workflow_id"_s).toString();
    }

    void cleanupTestCase()
    {
        const bool keep = qEnvironmentVariableIsSet("WF_TEST_KEEP");
        wf::test::stackCommand(m_environment, keep ? QStringList{u"down"_s} : QStringList{u"down"_s, u"--purge"_s});
        m_stack.waitForFinished(60000);
        if (keep)
            m_state.setAutoRemove(false);
    }

    void theOverviewFillsAndMovesWithLoad()
    {
        PlatformView view({u"test"_s, m_url}, m_key);
        QVERIFY(QTest::qWaitFor([&] { return view.poller().latest() && !view.poller().stale(); }, 15000));
        // Every live instance in the table: 2 servers and 1 worker.
        QVERIFY(QTest::qWaitFor([&] { return view.overview()->instanceModel()->rowCount() == 3; }, 10000));
        QVERIFY(view.connectionState().contains(u"connected"_s));
        QCOMPARE(view.overview()->tile(u"servers"_s)->value(), u"2 / 2"_s);
        QCOMPARE(view.overview()->tile(u"workers"_s)->value(), u"1 / 1"_s);
        QVERIFY(view.overview()->tile(u"lag"_s)->level() != Level::Unknown);
        // The history came and the charts have it.
        QVERIFY(QTest::qWaitFor([&] { return view.poller().history().size() >= 3; }, 15000));
        TimeSeriesChart *throughput = view.overview()->chart(u"throughput"_s);
        QVERIFY(!throughput->points(u"requests_per_second"_s).isEmpty());

        // Load: the charts move (runs finished per second rises above 0 in the series).
        const QStringList runs = trigger(150);
        QCOMPARE(runs.size(), 150);
        QVERIFY2(QTest::qWaitFor(
                         [&] {
                             const QList<QPointF> points = throughput->points(u"runs_finished_per_second"_s);
                             return std::any_of(points.begin(), points.end(), [](const QPointF &p) { return p.y() > 0; });
                         },
                         30000),
                 "runs_finished_per_second never rose above 0 in the chart");
        QString why;
        QVERIFY2(wf::test::renderScreenshot(&view, u"overview"_s, &why), qPrintable(why));
        qInfo("%s", qPrintable(why));
    }

    void aReplicaChangeFromTheCapacityViewConverges()
    {
        PlatformView view({u"test"_s, m_url}, m_key);
        view.showPage(PlatformView::Capacity);
        ComponentScalingPanel *workers = view.capacity()->panel(u"worker"_s);
        QStringList asked;
        workers->setConfirm([&](const QString &question) {
            asked.append(question);
            return true;
        });
        QVERIFY(QTest::qWaitFor([&] { return workers->isEnabled() && workers->statusText().contains(u"actual 1"_s); }, 15000));
        // The autoscaler off first (it would take an idle stack back down), then 5 workers.
        workers->applyAutoscale();
        QVERIFY(QTest::qWaitFor([&] { return workers->statusText().contains(u"autoscaler off"_s); }, 10000));
        workers->desiredBox()->setValue(5);
        workers->applyDesired();
        QVERIFY2(asked.constLast().contains(u"from 1 to 5"_s), qPrintable(asked.join(u" | "_s)));
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(QTest::qWaitFor([&] { return workers->statusText().contains(u"desired 5 · actual 5"_s); }, 60000),
                 qPrintable(workers->statusText()));
        qInfo("workers 1 -> 5: the capacity view showed actual 5 after %lld ms", clock.elapsed());
        // The decision is listed, by the API, with the console's reason.
        QVERIFY(QTest::qWaitFor(
                [&] {
                    QTableWidget *decisions = view.capacity()->decisions();
                    for (int row = 0; row < decisions->rowCount(); ++row) {
                        if (decisions->item(row, 3)->text() == u"1 → 5"_s && decisions->item(row, 2)->text() == u"api"_s
                            && decisions->item(row, 5)->text().contains(u"wf-console"_s))
                            return true;
                    }
                    return false;
                },
                15000));
        // A count beyond the bounds is refused, and the panel says why.
        workers->desiredBox()->setRange(0, 100000);
        workers->desiredBox()->setValue(50000);
        workers->applyDesired();
        QVERIFY2(QTest::qWaitFor([&] { return workers->errorText().contains(u"HTTP 400"_s); }, 10000), qPrintable(workers->errorText()));
        QVERIFY2(workers->errorText().contains(u"replicas"_s), qPrintable(workers->errorText()));
        QString why;
        QVERIFY2(wf::test::renderScreenshot(&view, u"capacity"_s, &why), qPrintable(why));
        qInfo("%s", qPrintable(why));

        // Back to one worker for the tests that follow.
        workers->desiredBox()->setRange(0, 16);
        workers->desiredBox()->setValue(1);
        workers->applyDesired();
        QVERIFY(QTest::qWaitFor([&] { return workers->statusText().contains(u"desired 1 · actual 1"_s); }, 60000));
    }

    void aKilledWorkerLeavesTheInstanceTable()
    {
        PlatformView view({u"test"_s, m_url}, m_key);
        InstanceTableModel *instances = view.overview()->instanceModel();
        QVERIFY(QTest::qWaitFor([&] { return instances->rowCount() == 3; }, 15000));
        qint64 victim = 0;
        QString id;
        for (const auto &instance : instances->instances()) {
            if (instance.component == u"worker"_s) {
                victim = instance.pid;
                id = instance.id;
            }
        }
        QVERIFY(victim > 1);
        QVERIFY(wf::test::sendSignal(victim, SIGKILL));
        QElapsedTimer clock;
        clock.start();
        // Gone within the stats' 4 s (plus a refresh), then back under a new pid (the supervisor).
        QVERIFY(QTest::qWaitFor(
                [&] {
                    const auto &rows = instances->instances();
                    return std::none_of(rows.begin(), rows.end(), [&](const auto &row) { return row.pid == victim; });
                },
                10000));
        qInfo("killed worker %s (pid %lld) left the instance table after %lld ms", qPrintable(id), victim, clock.elapsed());
    }

    void theKeyIsFoundWithoutAskingAndAMissingKeychainIsSaid()
    {
        // WF_CONSOLE_TOKEN first.
        qputenv("WF_CONSOLE_TOKEN", m_key);
        {
            MainWindow window;
            window.connectTo({u"env"_s, m_url});
            QVERIFY(QTest::qWaitFor([&] { return window.currentView() != nullptr; }, 5000));
            QVERIFY(QTest::qWaitFor([&] { return window.statusText().contains(u"connected"_s); }, 15000));
        }
        qunsetenv("WF_CONSOLE_TOKEN");
        // Then the keychain (none in this session: it must say so, not hang or fail silently),
        // then the local stack's key file, found through its stack.json.
        qputenv("WF_STACK_STATE_DIR", QFile::encodeName(m_state.path()));
        {
            MainWindow window;
            window.connectTo({u"stack"_s, m_url});
            QVERIFY(QTest::qWaitFor([&] { return window.currentView() != nullptr; }, 30000));
            QVERIFY(QTest::qWaitFor([&] { return window.statusText().contains(u"connected"_s); }, 15000));
            qInfo("keychain available: %s", window.keychainAvailable() ? "yes" : "no");
            if (!window.keychainAvailable()) {
                ConnectionDialog dialog;
                dialog.setKeychainAvailable(false, u"no secret service"_s);
                QVERIFY(!dialog.storeInKeychain());
                QString why;
                QVERIFY2(wf::test::renderScreenshot(&dialog, u"connection-dialog"_s, &why), qPrintable(why));
            }
            QString why;
            QVERIFY2(wf::test::renderScreenshot(&window, u"main-window"_s, &why), qPrintable(why));
            qInfo("%s", qPrintable(why));
        }
        qunsetenv("WF_STACK_STATE_DIR");
        // A wrong key: the view says what to do.
        PlatformView wrong({u"wrong"_s, m_url}, "wf_000000000000_notavalidkeynotavalidkeynotavalidkey00");
        QVERIFY(QTest::qWaitFor([&] { return wrong.poller().stale() && wrong.poller().problem().contains(u"401"_s); }, 10000));
        QVERIFY2(wrong.overview()->banner().contains(u"operator key"_s), qPrintable(wrong.overview()->banner()));
    }

    void germanIsCompleteAndLoads()
    {
        // Every string of the console's sources is in the German catalogue, translated.
        QFile file(qEnvironmentVariable("WF_SOURCE_DIR") + u"/translations/wf-console_de.ts"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QString source;
        QStringList missing;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == u"source"_s) {
                source = xml.readElementText();
            } else if (xml.name() == u"translation"_s) {
                const QString type = xml.attributes().value(u"type"_s).toString();
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == u"obsolete"_s || type == u"vanished"_s)
                    continue;
                ++messages;
                if (type == u"unfinished"_s || text.isEmpty())
                    missing.append(source);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 150, qPrintable(QString::number(messages)));
        QVERIFY2(missing.isEmpty(), qPrintable(u"%1 untranslated, e.g.: "_s.arg(missing.size()) + missing.mid(0, 10).join(u" | "_s)));
        // And the build's catalogue loads and translates.
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        QVERIFY(ConsoleStartup::installTranslation(*app, u"de"_s));
        PlatformView view({u"de"_s, m_url}, m_key);
        QCOMPARE(view.overview()->tile(u"requests"_s)->findChild<QLabel *>()->text(), u"Anfragen/s"_s);
        QString why;
        QVERIFY2(wf::test::renderScreenshot(&view, u"overview-de"_s, &why), qPrintable(why));
        // Back to English: German is gone, and the English catalogue has the plural forms.
        QVERIFY(ConsoleStartup::installTranslation(*app, u"en"_s));
        PlatformView english({u"en"_s, m_url}, m_key);
        QCOMPARE(english.overview()->tile(u"requests"_s)->findChild<QLabel *>()->text(), u"Requests/s"_s);
        QCOMPARE(QCoreApplication::translate("wf::console::StuckRunsPage", "Requeue %n run(s)?", nullptr, 1), u"Requeue 1 run?"_s);
        QCOMPARE(QCoreApplication::translate("wf::console::StuckRunsPage", "Requeue %n run(s)?", nullptr, 3), u"Requeue 3 runs?"_s);
    }

    void wfConsoleRunsAsARealWindowUnderXvfb()
    {
        const QString xvfb = QStandardPaths::findExecutable(u"Xvfb"_s);
        QVERIFY2(!xvfb.isEmpty(), "Xvfb is not installed (Debian package xvfb)");
        // A free display number: the first without a lock file.
        int display = 90;
        while (QFile::exists(u"/tmp/.X%1-lock"_s.arg(display)) && display < 200)
            ++display;
        QProcess server;
        server.setProcessChannelMode(QProcess::ForwardedChannels);
        server.start(xvfb, {u":%1"_s.arg(display), u"-screen"_s, u"0"_s, u"1440x900x24"_s, u"-nolisten"_s, u"tcp"_s});
        QVERIFY(server.waitForStarted());
        auto stopServer = qScopeGuard([&] {
            server.terminate();
            server.waitForFinished(5000);
        });
        QVERIFY(QTest::qWaitFor([&] { return QFile::exists(u"/tmp/.X11-unix/X%1"_s.arg(display)); }, 10000));
        // Some load while it looks.
        trigger(100);
        const QString shot = wf::test::screenshotDir() + u"/wf-console-xvfb.png"_s;
        QFile::remove(shot);
        QProcess console;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DISPLAY"_s, u":%1"_s.arg(display));
        environment.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
        environment.insert(u"WF_CONSOLE_TOKEN"_s, QString::fromUtf8(m_key));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_state.path() + u"/console-config"_s);
        console.setProcessEnvironment(environment);
        console.setProcessChannelMode(QProcess::MergedChannels);
        console.start(wf::test::binDir() + u"/wf-console"_s,
                      {u"--url"_s, m_url.toString(), u"--screenshot"_s, shot, u"--screenshot-after"_s, u"8"_s});
        QVERIFY(console.waitForStarted());
        QVERIFY2(console.waitForFinished(60000), "wf-console did not quit after its screenshot");
        const QString output = QString::fromUtf8(console.readAll());
        QVERIFY2(console.exitCode() == 0, qPrintable(output));
        const QImage image(shot);
        QVERIFY2(!image.isNull(), qPrintable(output));
        QCOMPARE(image.size(), QSize(1440, 900));
        QVERIFY2(wf::test::distinctColours(image) > 8, qPrintable(u"%1 colours"_s.arg(wf::test::distinctColours(image))));
        qInfo("screenshot under Xvfb: %s", qPrintable(shot));
    }
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
