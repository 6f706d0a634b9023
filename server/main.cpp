// wf-server: the headless REST API. Wires settings, logging and signals to ServerApp.
#include "app/serverapp.h"

#include "core/config.h"
#include "core/logging.h"
#include "core/settings.h"
#include "core/unixsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // Qt's own epoll-less UNIX dispatcher is measurably cheaper per event than GLib's.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"wf-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Workflow Automation Platform REST API server.\n\n"_s + wf::Settings::helpText());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(u"config"_s, u"INI file with settings (default: $WF_CONFIG)."_s, u"file"_s);
    const QCommandLineOption portOption(u"port"_s, u"Port to listen on (WF_HTTP_PORT)."_s, u"port"_s);
    const QCommandLineOption threadsOption(u"threads"_s, u"Event-loop threads (WF_HTTP_THREADS)."_s, u"n"_s);
    const QCommandLineOption migrateOption(u"migrate"_s, u"Apply pending database migrations and exit."_s);
    const QCommandLineOption waitOption(u"database-wait"_s, u"Seconds to wait for the database at start (default 30)."_s,
                                        u"seconds"_s, u"30"_s);
    parser.addOptions({configOption, portOption, threadsOption, migrateOption, waitOption});
    parser.process(app);

    wf::Config config = wf::Config::load(parser.isSet(configOption) ? parser.value(configOption) : qEnvironmentVariable("WF_CONFIG"));
    if (parser.isSet(portOption))
        config.set(u"http/port"_s, parser.value(portOption));
    if (parser.isSet(threadsOption))
        config.set(u"http/threads"_s, parser.value(threadsOption));
    const auto settings = wf::Settings::from(config);
    if (!settings) {
        std::fprintf(stderr, "wf-server: %s\n", qPrintable(settings.error().detail()));
        return 2;
    }
    wf::logging::install(settings->logFormat, u"wf-server"_s);
    const int databaseWait = parser.value(waitOption).toInt();

    if (parser.isSet(migrateOption)) {
        const auto applied = wf::app::ServerApp::migrate(*settings, databaseWait);
        if (!applied) {
            qCCritical(lcServer).noquote() << applied.error().detail();
            return 1;
        }
        qCInfo(lcServer) << "migrations applied:" << *applied;
        return 0;
    }

    wf::app::ServerApp server(*settings);
    const auto started = server.start(databaseWait);
    if (!started) {
        qCCritical(lcServer).noquote() << started.error().detail();
        return 1;
    }
    wf::UnixSignals signals;
    bool stopping = false;
    QObject::connect(&signals, &wf::UnixSignals::received, &app, [&](int number) {
        if (stopping) {
            QCoreApplication::quit();
            return;
        }
        stopping = true;
        qCInfo(lcServer) << "signal" << number << "received: no new connections, finishing requests in flight";
        server.drain(10000, [] { QCoreApplication::quit(); });
    });
    const int code = app.exec();
    server.stop();
    return code;
}
