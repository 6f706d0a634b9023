#pragma once

#include "loadstats.h"
#include "seedflow.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <vector>

class QCoreApplication;
class QThread;

namespace wf::bench {

// One load test: parses the command line, seeds the workflow, runs a SeedFlow per thread (each
// in its own event loop), prints a progress line every second, follows the runs afterwards, and
// reports (text, or JSON with --json).
class LoadTestRun : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QUrl url{QStringLiteral("http://127.0.0.1:8000")};
        int users = 1000;
        int connections = 0; // 0: as many as users
        int threads = 0;     // 0: one per core
        int timeoutSeconds = 60;
        int rounds = 1;
        int settleSeconds = 120;
        double delaySeconds = 1;
        bool json = false;
        bool quiet = false;
        QByteArray authorization;
    };

    static int main(QCoreApplication &app);

    explicit LoadTestRun(Options options, QObject *parent = nullptr);
    ~LoadTestRun() override;

    // Runs the whole test in the calling thread's event loop; the exit code.
    int exec();

private:
    void printProgress();
    QJsonObject report(double wallSeconds);
    static void printText(const QJsonObject &report);
    QByteArray workflowBody() const;
    bool seedWorkflow(QString *why);

    Options m_options;
    LoadProgress m_progress;
    std::vector<QThread *> m_threads;
    std::vector<SeedFlow *> m_flows;
    qint64 m_started = 0;
};

} // namespace wf::bench
