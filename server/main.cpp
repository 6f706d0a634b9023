// wf-server: the headless REST API. Wires settings, logging and signals to ServerApp.
#include "app/keycommand.h"
#include "app/serverapp.h"

#include "core/commandline.h"
#include "core/logging.h"
#include "core/unixsignals.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    wf::CommandLine::preferUnixEventDispatcher();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"wf-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    wf::CommandLine commandLine(u"Workflow Automation Platform REST API server."_s);
    const QCommandLineOption portOption(u"port"_s, u"Port to listen on (WF_HTTP_PORT)."_s, u"port"_s);
    const QCommandLineOption threadsOption(u"threads"_s, u"Event-loop threads (WF_HTTP_THREADS)."_s, u"n"_s);
    const QCommandLineOption migrateOption(u"migrate"_s, u"Apply pending database migrations and exit."_s);
    const QCommandLineOption waitOption(u"database-wait"_s, u"Seconds to wait for the database at start (default 30)."_s,
                                        u"seconds"_s, u"30"_s);
    const QCommandLineOption nameOption(u"name"_s, u"keys create: the key's name."_s, u"name"_s);
    const QCommandLineOption roleOption(u"role"_s, u"keys create: client or operator."_s, u"role"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"keys list: as JSON."_s);
    commandLine.parser().addOptions({portOption, threadsOption, migrateOption, waitOption, nameOption, roleOption, jsonOption});
    commandLine.parser().addPositionalArgument(
            u"keys"_s, u"keys create --name <name> --role client|operator | keys list [--json] | keys revoke <id>: API keys."_s,
            u"[keys …]"_s);
    commandLine.process(app);
    QCommandLineParser &parser = commandLine.parser();
    const auto settings = commandLine.settings({{u"http/port"_s, portOption}, {u"http/threads"_s, threadsOption}});
    if (!settings)
        return 2;
    wf::logging::install(settings->logFormat, u"wf-server"_s);
    const int databaseWait = parser.value(waitOption).toInt();

    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        if (positional.first() != u"keys"_s) {
            qCCritical(lcServer).noquote() << u"unknown command \"%1\" (see --help)"_s.arg(positional.first());
            return 2;
        }
        return wf::app::KeyCommand{positional.mid(1), parser.value(nameOption), parser.value(roleOption), parser.isSet(jsonOption)}
                .run(*settings, databaseWait);
    }

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
