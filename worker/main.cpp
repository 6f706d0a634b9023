// wf-worker: a member of the workflow-workers consumer group that executes runs.
#include "app/workerapp.h"

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
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"wf-worker"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Workflow Automation Platform worker: consumes workflow.trigger in the consumer "
                                     "group workflow-workers and executes runs.\n\n"_s
                                     + wf::Settings::helpText());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(u"config"_s, u"INI file with settings (default: $WF_CONFIG)."_s, u"file"_s);
    const QCommandLineOption waitOption(u"database-wait"_s, u"Seconds to wait for the database at start (default 30)."_s,
                                        u"seconds"_s, u"30"_s);
    const QCommandLineOption drainOption(u"drain"_s, u"Seconds running runs may take to finish at shutdown (default 20)."_s,
                                         u"seconds"_s, u"20"_s);
    parser.addOptions({configOption, waitOption, drainOption});
    parser.process(app);

    const wf::Config config =
            wf::Config::load(parser.isSet(configOption) ? parser.value(configOption) : qEnvironmentVariable("WF_CONFIG"));
    const auto settings = wf::Settings::from(config);
    if (!settings) {
        std::fprintf(stderr, "wf-worker: %s\n", qPrintable(settings.error().detail()));
        return 2;
    }
    wf::logging::install(settings->logFormat, u"wf-worker"_s);

    wf::app::WorkerApp worker(*settings);
    if (auto started = worker.start(parser.value(waitOption).toInt()); !started) {
        qCCritical(lcWorker).noquote() << started.error().detail();
        return 1;
    }
    wf::UnixSignals signals;
    bool stopping = false;
    QObject::connect(&signals, &wf::UnixSignals::received, &app, [&](int number) {
        if (stopping) {
            qCWarning(lcWorker) << "second signal: stopping now";
            QCoreApplication::exit(1);
            return;
        }
        stopping = true;
        qCInfo(lcWorker) << "signal" << number << "received: leaving the group and draining";
        worker.shutdown(parser.value(drainOption).toInt() * 1000, [] { QCoreApplication::quit(); });
    });
    return app.exec();
}
