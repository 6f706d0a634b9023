// wf-worker: a member of the workflow-workers consumer group that executes runs.
#include "app/workerapp.h"

#include "core/commandline.h"
#include "core/logging.h"
#include "core/unixsignals.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    wf::CommandLine::preferUnixEventDispatcher();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"wf-worker"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    wf::CommandLine commandLine(u"Workflow Automation Platform worker: consumes workflow.trigger in the consumer "
                                "group workflow-workers and executes runs."_s);
    const QCommandLineOption waitOption(u"database-wait"_s, u"Seconds to wait for the database at start (default 30)."_s,
                                        u"seconds"_s, u"30"_s);
    const QCommandLineOption drainOption(u"drain"_s, u"Seconds running runs may take to finish at shutdown (default 20)."_s,
                                         u"seconds"_s, u"20"_s);
    commandLine.parser().addOptions({waitOption, drainOption});
    commandLine.process(app);
    QCommandLineParser &parser = commandLine.parser();
    const auto settings = commandLine.settings();
    if (!settings)
        return 2;
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
