// wf-broker: the embedded development Kafka (librdkafka's mock cluster) as a process of its own.
#include "mockbroker.h"

#include "core/logging.h"
#include "core/unixsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"wf-broker"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Embedded development Kafka broker (librdkafka mock cluster) with the platform's topics:\n"
            "workflow.trigger and workflow.completed (--partitions each) and workflow.dlq (1).\n"
            "Messages are kept in memory only. Prints the bootstrap address and writes it to --bootstrap-file."_s);
    parser.addHelpOption();
    const QCommandLineOption portOption(u"port"_s, u"Port to listen on (default: any free port)."_s, u"port"_s, u"0"_s);
    const QCommandLineOption partitionsOption(u"partitions"_s, u"Partitions of workflow.trigger (default 3)."_s, u"n"_s, u"3"_s);
    const QCommandLineOption fileOption(u"bootstrap-file"_s, u"File to write the bootstrap address to."_s, u"file"_s);
    parser.addOptions({portOption, partitionsOption, fileOption});
    parser.process(app);
    wf::logging::install(qEnvironmentVariable("WF_LOG_FORMAT", u"text"_s), u"wf-broker"_s);

    wf::broker::MockBroker::Options options;
    options.port = parser.value(portOption).toInt();
    options.triggerPartitions = qBound(1, parser.value(partitionsOption).toInt(), 1024);
    wf::broker::MockBroker broker(options);
    if (auto status = broker.start(); !status) {
        std::fprintf(stderr, "wf-broker: %s\n", qPrintable(status.error().detail()));
        return 1;
    }
    const QString bootstraps = broker.bootstraps();
    if (parser.isSet(fileOption)) {
        QSaveFile file(parser.value(fileOption));
        if (!file.open(QIODevice::WriteOnly) || file.write(bootstraps.toUtf8() + '\n') < 0 || !file.commit()) {
            std::fprintf(stderr, "wf-broker: cannot write %s\n", qPrintable(parser.value(fileOption)));
            return 1;
        }
    }
    std::printf("%s\n", qPrintable(bootstraps));
    std::fflush(stdout);
    qCInfo(lcCore).noquote() << u"broker listening on %1 (workflow.trigger: %2 partitions)"_s.arg(bootstraps).arg(options.triggerPartitions);

    wf::UnixSignals signals;
    QObject::connect(&signals, &wf::UnixSignals::received, &app, [] { QCoreApplication::quit(); });
    return app.exec();
}
