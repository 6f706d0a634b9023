// The newcomer's commands themselves: deploy/up, deploy/status and each executable's --help, run
// as a user runs them (against the executables of this build, WF_SKIP_BUILD=1).
#include "platformprocess.h"
#include "testcluster.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

class TestDeployScripts : public QObject
{
    Q_OBJECT

private:
    struct Outcome
    {
        int exitCode = -1;
        QString out;
        QString err;
        qint64 elapsedMs = 0;
    };

    static Outcome run(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                       int timeoutMs = 120000)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        QElapsedTimer clock;
        clock.start();
        process.start(program, arguments);
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()),
                clock.elapsed()};
    }

    static QString script(const QString &name) { return qEnvironmentVariable("WF_SOURCE_DIR") + u"/deploy/"_s + name; }

    QProcessEnvironment stackEnvironment(const QString &stateDir, int httpPort) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"WF_SKIP_BUILD"_s, u"1"_s);
        environment.insert(u"WF_BUILD_DIR"_s, QDir(wf::test::binDir() + u"/.."_s).absolutePath());
        environment.insert(u"WF_STACK_STATE_DIR"_s, stateDir);
        environment.insert(u"WF_HTTP_PORT"_s, QString::number(httpPort));
        for (const char *name : {"WF_STACK_POSTGRES_PORT", "WF_STACK_PGBOUNCER_PORT", "WF_STACK_REDIS_PORT", "WF_STACK_BROKER_PORT",
                                 "WF_STACK_SERVER_PORT", "WF_STACK_WORKER_HEALTH_PORT"})
            environment.insert(QString::fromLatin1(name), QString::number(wf::test::freePort()));
        environment.insert(u"WF_UP_TIMEOUT"_s, u"90"_s);
        return environment;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("WF_SOURCE_DIR").isEmpty(), "WF_SOURCE_DIR is not set (ctest sets it)");
    }

    void upFailsNamingTheComponentAndShowsOnlyThisAttempt()
    {
        QTemporaryDir state(QDir::tempPath() + u"/wf-up-XXXXXX"_s);
        QDir().mkpath(state.path() + u"/logs"_s);
        {
            // What an earlier run left in stack.log (it is appended to across runs).
            QFile old(state.path() + u"/logs/stack.log"_s);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("2026-01-01T00:00:00.000Z info wf-stack[1] wf.stack: EARLIER RUN, not this one\n");
        }
        const int httpPort = wf::test::freePort();
        wf::test::PlatformProcess holder(u"wf-echo"_s);
        QCOMPARE(holder.start({u"--port"_s, QString::number(httpPort)}, QProcessEnvironment::systemEnvironment()), QString());
        QVERIFY(holder.waitForOutput("listening", 10000));

        const QProcessEnvironment environment = stackEnvironment(state.path(), httpPort);
        const Outcome up = run(u"bash"_s, {script(u"up"_s), u"--api"_s, u"1"_s, u"--workers"_s, u"1"_s}, environment);
        QVERIFY2(up.exitCode == 1, qPrintable(u"exit %1:\n"_s.arg(up.exitCode) + up.out + up.err));
        QVERIFY2(up.elapsedMs < 60000, qPrintable(u"took %1 ms"_s.arg(up.elapsedMs)));
        const QString lastLine = up.err.trimmed().split(u'\n').constLast();
        QVERIFY2(lastLine.startsWith(u"deploy/up: FAILED"_s) && lastLine.contains(u"nginx cannot listen on"_s)
                         && lastLine.contains(u":%1"_s.arg(httpPort)) && lastLine.contains(u"wf-echo"_s),
                 qPrintable(up.err));
        QVERIFY2(!up.err.contains(u"EARLIER RUN"_s), qPrintable(up.err));
        QVERIFY2(!up.out.contains(u"ready"_s), qPrintable(up.out));

        // Nothing of the failed attempt is left running.
        const Outcome status = run(u"bash"_s, {script(u"status"_s)}, environment);
        QCOMPARE(status.exitCode, 3);
        QCOMPARE(run(u"bash"_s, {script(u"down"_s), u"--purge"_s}, environment).exitCode, 0);
    }

    void helpOfEachExecutableListsItsOwnSettings()
    {
        const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const Outcome server = run(wf::test::binDir() + u"/wf-server"_s, {u"--help"_s}, environment);
        const Outcome worker = run(wf::test::binDir() + u"/wf-worker"_s, {u"--help"_s}, environment);
        const Outcome stack = run(wf::test::binDir() + u"/wf-stack"_s, {u"--help"_s}, environment);
        QCOMPARE(server.exitCode, 0);
        QCOMPARE(worker.exitCode, 0);
        QCOMPARE(stack.exitCode, 0);
        QVERIFY(server.out.contains(u"WF_HTTP_THREADS"_s) && server.out.contains(u"WF_DATABASE_URL"_s));
        QVERIFY2(!server.out.contains(u"WF_WORKER_"_s) && !server.out.contains(u"WF_STACK_"_s), qPrintable(server.out));
        QVERIFY(worker.out.contains(u"WF_WORKER_CONCURRENCY"_s) && worker.out.contains(u"WF_DATABASE_URL"_s));
        QVERIFY2(!worker.out.contains(u"WF_HTTP_"_s) && !worker.out.contains(u"WF_ADMIN_TOKEN"_s), qPrintable(worker.out));
        QVERIFY(stack.out.contains(u"WF_STACK_POSTGRES_PORT"_s) && stack.out.contains(u"WF_HTTP_PORT"_s));
        QVERIFY2(!stack.out.contains(u"WF_WORKER_CONCURRENCY"_s) && !stack.out.contains(u"WF_HTTP_THREADS"_s), qPrintable(stack.out));
    }
};

QTEST_GUILESS_MAIN(TestDeployScripts)
#include "tst_deployscripts.moc"
