// deploy/up's supervisor for real: wf-stack brings up PostgreSQL, PgBouncer, Redis, the broker,
// nginx, servers and workers, status reports them (with their ports, and DEAD for a component
// with no live process), a killed server comes back, and down (or a killed supervisor) leaves no
// process behind. A port another program holds fails the start, naming the component and the
// port; wait-ready accepts only this stack's own nginx and servers, not whatever answers 200.
#include "httpclient.h"
#include "platformprocess.h"
#include "stackports.h"
#include "testcluster.h"

#include "core/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QtTest>

#include <algorithm>
#include <csignal>
#include <pwd.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

bool alive(qint64 pid)
{
    if (::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = stat.readAll();
    return line.mid(line.lastIndexOf(')') + 2, 1) != "Z";
}

} // namespace

class TestStack : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_state{QDir::tempPath() + u"/wf-stack-XXXXXX"_s};
    QProcess m_stack;
    wf::test::StackPorts m_ports;

    QProcessEnvironment environment() const { return m_ports.environment(m_state.path()); }

    QJsonObject status() { return wf::test::stackStatus(environment()); }

    struct Outcome
    {
        int exitCode = -1;
        QString output; // stdout and stderr
        qint64 elapsedMs = 0;
    };

    Outcome run(const QStringList &arguments, const QProcessEnvironment &environment, int timeoutMs = 120000)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer clock;
        clock.start();
        process.start(wf::test::binDir() + u"/wf-stack"_s, arguments);
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAll()), clock.elapsed()};
    }

    // A process that is alive (stands in for a component in a hand-written state file).
    qint64 startSleeper(QProcess &process)
    {
        process.start(u"sleep"_s, {u"120"_s});
        return process.waitForStarted() ? process.processId() : 0;
    }

    // A state file as a supervisor writes it, with every component "running" as `pids` says.
    static QJsonObject handWrittenState(const QString &stateDir, qint64 supervisor, qint64 nginx, int httpPort, qint64 other)
    {
        auto service = [other](int port) { return QJsonObject{{u"pids"_s, QJsonArray{other}}, {u"port"_s, port}, {u"restarts"_s, 0}}; };
        return {{u"state"_s, u"running"_s},
                {u"pid"_s, supervisor},
                {u"state_dir"_s, stateDir},
                {u"api_url"_s, u"http://127.0.0.1:%1"_s.arg(httpPort)},
                {u"components"_s,
                 QJsonObject{{u"postgres"_s, service(25001)},
                             {u"pgbouncer"_s, service(25002)},
                             {u"redis"_s, service(25003)},
                             {u"broker"_s, QJsonObject{{u"pids"_s, QJsonArray{other}}, {u"bootstrap"_s, u"127.0.0.1:25004"_s},
                                                       {u"embedded"_s, true}, {u"restarts"_s, 0}}},
                             {u"nginx"_s, QJsonObject{{u"pids"_s, QJsonArray{nginx}}, {u"port"_s, httpPort},
                                                      {u"host"_s, u"127.0.0.1"_s}, {u"restarts"_s, 0}}},
                             {u"server"_s, QJsonObject{{u"desired"_s, 1}, {u"actual"_s, 1}, {u"pids"_s, QJsonArray{other}},
                                                       {u"ports"_s, QJsonArray{25010}}, {u"instances"_s, QJsonArray{u"server-1"_s}},
                                                       {u"restarts"_s, 0}}},
                             {u"worker"_s, QJsonObject{{u"desired"_s, 1}, {u"actual"_s, 1}, {u"pids"_s, QJsonArray{other}},
                                                       {u"health_ports"_s, QJsonArray{25020}}, {u"restarts"_s, 0}}}}}};
    }

    static void writeState(const QString &dir, const QJsonObject &state)
    {
        QFile file(dir + u"/stack.json"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(state).toJson());
    }

    int command(const QStringList &arguments, int timeoutMs = 120000)
    {
        return wf::test::stackCommand(environment(), arguments, timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Two consecutive free ports for the two servers.
        QVERIFY(m_ports.server > 0 && m_ports.workerHealth > 0);
    }

    void cleanupTestCase()
    {
        // The database too: it lives outside the state folder.
        command({u"down"_s, u"--purge"_s});
    }

    void cleanup()
    {
        // Whatever a failed test left running must not disturb the next one.
        if (QTest::currentTestFailed()) {
            command({u"down"_s});
            m_stack.waitForFinished(30000);
        }
    }

    void upStatusRestartDown()
    {
        // A credential of another tool in the shell that starts the stack: no child may get it.
        QProcessEnvironment shell = environment();
        shell.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"stack-test-sentinel"_s);
        m_stack.setProcessEnvironment(shell);
        m_stack.setProcessChannelMode(QProcess::ForwardedChannels);
        m_stack.start(wf::test::binDir() + u"/wf-stack"_s, {u"up"_s, u"--api"_s, u"2"_s, u"--workers"_s, u"0"_s});
        QVERIFY(m_stack.waitForStarted());
        QCOMPARE(command({u"wait-ready"_s, u"--timeout"_s, u"120"_s}), 0);

        QJsonObject state = status();
        QCOMPARE(state.value(u"state"_s).toString(), u"running"_s);
        const QJsonObject components = state.value(u"components"_s).toObject();
        const QJsonObject server = components.value(u"server"_s).toObject();
        QCOMPARE(server.value(u"desired"_s).toInt(), 2);
        QCOMPARE(server.value(u"actual"_s).toInt(), 2);
        QCOMPARE(server.value(u"pids"_s).toArray().size(), 2);
        QCOMPARE(components.value(u"postgres"_s).toObject().value(u"pids"_s).toArray().size(), 1);

        // Children get the system's basics, and the platform's processes its WF_* settings.
        const auto environmentOf = [](qint64 pid) {
            QFile file(u"/proc/%1/environ"_s.arg(pid));
            return file.open(QIODevice::ReadOnly) ? file.readAll().split('\0') : QList<QByteArray>();
        };
        for (const QString &name : {u"postgres"_s, u"pgbouncer"_s, u"redis"_s, u"nginx"_s, u"server"_s}) {
            const qint64 pid = components.value(name).toObject().value(u"pids"_s).toArray().at(0).toInteger();
            const QList<QByteArray> variables = environmentOf(pid);
            QVERIFY2(!variables.isEmpty(), qPrintable(name));
            for (const QByteArray &variable : variables)
                QVERIFY2(!variable.startsWith("AWS_"), qPrintable(name + u": "_s + QString::fromLatin1(variable)));
            const bool hasSettings = std::any_of(variables.begin(), variables.end(), [](const QByteArray &v) { return v.startsWith("WF_"); });
            QCOMPARE(hasSettings, name == u"server"_s);
        }

        // Nobody else may list or read the state, the logs or the operator key.
        const auto mode = [](const QString &path) {
            struct stat info {};
            return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
        };
        const QString stateDir = state.value(u"state_dir"_s).toString();
        QCOMPARE(mode(stateDir), 0700);
        QCOMPARE(mode(stateDir + u"/logs"_s), 0700);
        const QFileInfoList logs = QDir(stateDir + u"/logs"_s).entryInfoList({u"*.log"_s}, QDir::Files);
        QVERIFY(logs.size() >= 5);
        for (const QFileInfo &log : logs)
            QVERIFY2(mode(log.filePath()) == 0600, qPrintable(log.filePath()));
        QCOMPARE(mode(state.value(u"operator_token_file"_s).toString()), 0600);
        const QString passwordFile = state.value(u"database_password_file"_s).toString();
        QCOMPARE(mode(passwordFile), 0600);

        // The database: the platform's role with the generated password only; nobody else, not
        // over TCP (to PostgreSQL or PgBouncer), not over the Unix socket.
        QFile pgpass(passwordFile);
        QVERIFY(pgpass.open(QIODevice::ReadOnly));
        const QByteArray password = pgpass.readAll().trimmed().split(':').constLast();
        QVERIFY(password.size() >= 40);
        const qint64 postgresPid = components.value(u"postgres"_s).toObject().value(u"pids"_s).toArray().at(0).toInteger();
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(postgresPid));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        QString socketDir;
        for (const QByteArray &argument : cmdline.readAll().split('\0')) {
            if (argument.startsWith("unix_socket_directories="))
                socketDir = QString::fromUtf8(argument.mid(argument.indexOf('=') + 1));
        }
        QVERIFY(!socketDir.isEmpty());
        const auto psql = [](const QString &account, const QString &host, int port, const QString &role,
                             const QString &pgpassFile) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(u"PGPASSFILE"_s, pgpassFile);
            environment.insert(u"PGCONNECT_TIMEOUT"_s, u"5"_s);
            process.setProcessEnvironment(environment);
            process.setProcessChannelMode(QProcess::MergedChannels);
            QStringList arguments{u"-h"_s, host, u"-p"_s, QString::number(port), u"-U"_s, role, u"-d"_s, u"workflow"_s,
                                  u"-w"_s, u"-tAc"_s, u"SELECT 'in as ' || current_user"_s};
            if (account.isEmpty()) {
                process.start(u"psql"_s, arguments);
            } else {
                process.setWorkingDirectory(QDir::tempPath());
                process.start(u"runuser"_s, QStringList{u"-u"_s, account, u"--"_s, u"psql"_s} + arguments);
            }
            process.waitForFinished(20000);
            return QString::fromUtf8(process.readAll()).trimmed();
        };
        QCOMPARE(psql({}, u"127.0.0.1"_s, m_ports.postgres, u"workflow"_s, passwordFile), u"in as workflow"_s);
        QCOMPARE(psql({}, u"127.0.0.1"_s, m_ports.pgbouncer, u"workflow"_s, passwordFile), u"in as workflow"_s);
        const QString noPassword = psql({}, u"127.0.0.1"_s, m_ports.postgres, u"workflow"_s, u"/dev/null"_s);
        QVERIFY2(noPassword.contains(u"password"_s) && !noPassword.contains(u"in as"_s), qPrintable(noPassword));
        if (::getpwnam("nobody")) {
            for (const QString &role : {u"workflow"_s, u"postgres"_s}) {
                for (int port : {m_ports.postgres, m_ports.pgbouncer}) {
                    const QString answer = psql(u"nobody"_s, u"127.0.0.1"_s, port, role, passwordFile);
                    QVERIFY2(!answer.contains(u"in as"_s) && answer.contains(u"password"_s),
                             qPrintable(u"nobody as %1 on %2: %3"_s.arg(role).arg(port).arg(answer)));
                }
                const QString overSocket = psql(u"nobody"_s, socketDir, m_ports.postgres, role, passwordFile);
                QVERIFY2(!overSocket.contains(u"in as"_s), qPrintable(overSocket));
            }
        }
        // The password is in no command line, no log and no status.
        const QByteArray statusText = QJsonDocument(state).toJson() + run({u"status"_s}, environment()).output.toUtf8();
        QVERIFY(!statusText.contains(password));
        for (const QFileInfo &log : logs) {
            QFile file(log.filePath());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(password), qPrintable(log.filePath()));
        }
        for (auto it = components.begin(); it != components.end(); ++it) {
            for (const QJsonValue &pid : it.value().toObject().value(u"pids"_s).toArray()) {
                QFile arguments(u"/proc/%1/cmdline"_s.arg(pid.toInteger()));
                if (arguments.open(QIODevice::ReadOnly))
                    QVERIFY2(!arguments.readAll().contains(password), qPrintable(it.key()));
            }
        }

        // Plain status: every port the README promises, beside the pids.
        const Outcome plain = run({u"status"_s}, environment());
        QCOMPARE(plain.exitCode, 0);
        for (int port : {m_ports.http, m_ports.postgres, m_ports.pgbouncer, m_ports.redis, m_ports.broker, m_ports.server, m_ports.server + 1})
            QVERIFY2(plain.output.contains(QString::number(port)), qPrintable(u"port %1 missing from:\n"_s.arg(port) + plain.output));
        QVERIFY2(!plain.output.contains(u"DEAD"_s), qPrintable(plain.output));
        const QString serverPid = QString::number(server.value(u"pids"_s).toArray().at(0).toInteger());
        QVERIFY2(plain.output.contains(serverPid), qPrintable(plain.output));

        // Both replicas answer on their own ports, each with its own instance id, and both
        // answer through nginx.
        for (int i = 0; i < 2; ++i) {
            wf::test::HttpClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(m_ports.server + i)));
            const auto reply = client.get(u"/health/ready"_s);
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.headers.value("x-instance-id"), u"server-%1"_s.arg(i + 1).toUtf8());
        }
        // nginx's own figures, on loopback.
        wf::test::HttpClient nginxStatus(QUrl(u"http://127.0.0.1:%1"_s.arg(m_ports.nginxStatus)));
        const auto stub = nginxStatus.get(u"/nginx_status"_s);
        QCOMPARE(stub.status, 200);
        QVERIFY2(stub.body.startsWith("Active connections:"), stub.body.constData());
        QCOMPARE(nginxStatus.get(u"/"_s).status, 404);
        wf::test::HttpClient nginx(QUrl(u"http://127.0.0.1:%1"_s.arg(m_ports.http)));
        QSet<QByteArray> seen;
        for (int i = 0; i < 20; ++i)
            seen.insert(nginx.get(u"/health"_s).headers.value("x-instance-id"));
        QCOMPARE(seen, QSet<QByteArray>({"server-1", "server-2"}));

        // kill -9 of a server: the supervisor starts a new one.
        const qint64 victim = server.value(u"pids"_s).toArray().at(0).toInteger();
        QVERIFY(wf::test::sendSignal(victim, SIGKILL));
        QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    const QJsonObject s = status().value(u"components"_s).toObject().value(u"server"_s).toObject();
                    const QJsonArray pids = s.value(u"pids"_s).toArray();
                    return s.value(u"actual"_s).toInt() == 2 && !pids.contains(QJsonValue(victim));
                }(),
                20000);
        wf::test::HttpClient client(QUrl(u"http://127.0.0.1:%1"_s.arg(m_ports.server)));
        QTRY_COMPARE_WITH_TIMEOUT(client.get(u"/health/ready"_s).status, 200, 20000);

        // down: every process of the stack is gone.
        state = status();
        QList<qint64> pids{state.value(u"pid"_s).toInteger()};
        const QJsonObject all = state.value(u"components"_s).toObject();
        for (auto it = all.begin(); it != all.end(); ++it) {
            const QJsonArray list = it.value().toObject().value(u"pids"_s).toArray();
            for (const QJsonValue &pid : list)
                pids.append(pid.toInteger());
        }
        QCOMPARE(command({u"down"_s}), 0);
        QVERIFY(m_stack.waitForFinished(30000));
        for (qint64 pid : std::as_const(pids))
            QVERIFY2(!alive(pid), qPrintable(u"pid %1 survived down"_s.arg(pid)));
        QCOMPARE(status().value(u"state"_s).toString(), u"stopped"_s);
    }

    void heldHttpPortFailsTheStartNamingNginx()
    {
        // Another program holds the HTTP port (and answers 200 to anything): the stack must not
        // report ready, it must fail at once, naming nginx, the port and the holder.
        wf::test::PlatformProcess holder(u"wf-echo"_s);
        QCOMPARE(holder.start({u"--port"_s, QString::number(m_ports.http)}, QProcessEnvironment::systemEnvironment()), QString());
        QVERIFY2(holder.waitForOutput("listening", 10000), holder.output().constData());

        QElapsedTimer clock;
        clock.start();
        QProcess stack;
        stack.setProcessEnvironment(environment());
        stack.setProcessChannelMode(QProcess::MergedChannels);
        stack.start(wf::test::binDir() + u"/wf-stack"_s, {u"up"_s, u"--api"_s, u"1"_s, u"--workers"_s, u"0"_s});
        QVERIFY(stack.waitForStarted());
        const Outcome ready = run({u"wait-ready"_s, u"--timeout"_s, u"60"_s, u"--pid"_s, QString::number(stack.processId())},
                                  environment());
        QVERIFY(stack.waitForFinished(30000));
        QCOMPARE(ready.exitCode, 1);
        QVERIFY2(ready.output.contains(u"nginx cannot listen on"_s) && ready.output.contains(u":%1"_s.arg(m_ports.http)),
                 qPrintable(ready.output));
        QVERIFY2(ready.output.contains(u"wf-echo"_s), qPrintable(ready.output));
        QVERIFY2(clock.elapsed() < 30000, qPrintable(u"took %1 ms"_s.arg(clock.elapsed())));
        QVERIFY(stack.exitCode() != 0);
        const Outcome status = run({u"status"_s}, environment());
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.output.contains(u"failed"_s) && status.output.contains(u"nginx"_s), qPrintable(status.output));
        QCOMPARE(command({u"down"_s}), 0);
    }

    void nginxThatCannotBindFailsTheStart()
    {
        // The port is free when the stack checks it and taken before nginx starts. nginx then
        // cannot bind and exits; the stack must fail, not restart it forever as "ready". To take
        // the port in between for sure, PostgreSQL (started first; nginx comes after the
        // database, PgBouncer and Redis) is paused as soon as the state names it.
        QProcess stack;
        stack.setProcessEnvironment(environment());
        stack.setProcessChannelMode(QProcess::MergedChannels);
        stack.start(wf::test::binDir() + u"/wf-stack"_s, {u"up"_s, u"--api"_s, u"1"_s, u"--workers"_s, u"0"_s});
        QVERIFY(stack.waitForStarted());
        qint64 postgres = 0;
        QJsonObject components;
        QDeadlineTimer deadline(60000);
        while (!postgres && !deadline.hasExpired()) {
            QFile file(m_state.path() + u"/stack.json"_s);
            if (file.open(QIODevice::ReadOnly)) {
                components = QJsonDocument::fromJson(file.readAll()).object().value(u"components"_s).toObject();
                postgres = components.value(u"postgres"_s).toObject().value(u"pids"_s).toArray().at(0).toInteger();
            }
            if (!postgres)
                QThread::msleep(5);
        }
        QVERIFY2(postgres > 0, "PostgreSQL never appeared in the state");
        QVERIFY(wf::test::sendSignal(postgres, SIGSTOP));
        wf::test::PlatformProcess holder(u"wf-echo"_s);
        const QString started = holder.start({u"--port"_s, QString::number(m_ports.http)}, QProcessEnvironment::systemEnvironment());
        const bool listening = started.isEmpty() && holder.waitForOutput("listening", 10000);
        QVERIFY(wf::test::sendSignal(postgres, SIGCONT));
        QVERIFY2(!components.contains(u"nginx"_s), "nginx was already started when PostgreSQL appeared");
        QVERIFY2(listening, holder.output().constData());

        const Outcome ready = run({u"wait-ready"_s, u"--timeout"_s, u"90"_s}, environment());
        QVERIFY(stack.waitForFinished(60000));
        QCOMPARE(ready.exitCode, 1);
        QVERIFY2(ready.output.contains(u"nginx cannot listen on"_s) && ready.output.contains(u":%1"_s.arg(m_ports.http)),
                 qPrintable(ready.output));
        QVERIFY2(ready.output.contains(u"wf-echo"_s), qPrintable(ready.output));
        QVERIFY2(ready.output.contains(u"Address already in use"_s), qPrintable(ready.output));
        QVERIFY(stack.exitCode() != 0);
        QCOMPARE(command({u"down"_s}), 0);
    }

    void waitReadyWantsThePlatformItself()
    {
        // A state that says "running", every component with a live process, but the HTTP port is
        // answered (200) by another program. wait-ready must not call that ready.
        QTemporaryDir dir;
        QProcessEnvironment env = environment();
        env.insert(u"WF_STACK_STATE_DIR"_s, dir.path());
        QProcess supervisor, other;
        const qint64 supervisorPid = startSleeper(supervisor);
        const qint64 otherPid = startSleeper(other);
        QVERIFY(supervisorPid > 0 && otherPid > 0);
        wf::test::PlatformProcess foreign(u"wf-echo"_s);
        QCOMPARE(foreign.start({u"--port"_s, QString::number(m_ports.http)}, QProcessEnvironment::systemEnvironment()), QString());
        QVERIFY(foreign.waitForOutput("listening", 10000));

        // nginx recorded as a process that does not hold the port.
        writeState(dir.path(), handWrittenState(dir.path(), supervisorPid, otherPid, m_ports.http, otherPid));
        Outcome ready = run({u"wait-ready"_s, u"--timeout"_s, u"2"_s}, env);
        QCOMPARE(ready.exitCode, 1);
        QVERIFY2(ready.output.contains(u"nginx does not hold port %1"_s.arg(m_ports.http)) && ready.output.contains(u"wf-echo"_s),
                 qPrintable(ready.output));

        // The recorded "nginx" holds the port but answers without one of the stack's instance ids.
        writeState(dir.path(), handWrittenState(dir.path(), supervisorPid, foreign.pid(), m_ports.http, otherPid));
        ready = run({u"wait-ready"_s, u"--timeout"_s, u"2"_s}, env);
        QCOMPARE(ready.exitCode, 1);
        QVERIFY2(ready.output.contains(u"port %1 answered 200 from no X-Instance-Id"_s.arg(m_ports.http)), qPrintable(ready.output));

        supervisor.kill();
        other.kill();
        supervisor.waitForFinished();
        other.waitForFinished();
    }

    void statusFlagsComponentsWithoutLiveProcess()
    {
        QTemporaryDir dir;
        QProcessEnvironment env = environment();
        env.insert(u"WF_STACK_STATE_DIR"_s, dir.path());
        QProcess supervisor, other, gone;
        const qint64 supervisorPid = startSleeper(supervisor);
        const qint64 otherPid = startSleeper(other);
        const qint64 gonePid = startSleeper(gone);
        QVERIFY(supervisorPid > 0 && otherPid > 0 && gonePid > 0);
        gone.kill();
        QVERIFY(gone.waitForFinished());

        QJsonObject state = handWrittenState(dir.path(), supervisorPid, otherPid, m_ports.http, otherPid);
        writeState(dir.path(), state);
        Outcome status = run({u"status"_s}, env);
        QCOMPARE(status.exitCode, 0);
        QVERIFY2(!status.output.contains(u"DEAD"_s), qPrintable(status.output));
        for (const QString &port : {QString::number(m_ports.http), u"25001"_s, u"25002"_s, u"25003"_s, u"25004"_s, u"25010"_s, u"25020"_s})
            QVERIFY2(status.output.contains(port), qPrintable(port + u" missing from:\n"_s + status.output));

        // Redis's process is gone.
        QJsonObject components = state.value(u"components"_s).toObject();
        QJsonObject redis = components.value(u"redis"_s).toObject();
        redis.insert(u"pids"_s, QJsonArray{gonePid});
        components.insert(u"redis"_s, redis);
        state.insert(u"components"_s, components);
        writeState(dir.path(), state);
        status = run({u"status"_s}, env);
        QCOMPARE(status.exitCode, 1);
        const QString redisLine = status.output.split(u'\n').filter(u"redis"_s).value(0);
        QVERIFY2(redisLine.contains(u"DEAD"_s) && redisLine.contains(u"25003"_s), qPrintable(status.output));
        QVERIFY2(status.output.contains(u"redis has no live process"_s), qPrintable(status.output));
        const Outcome json = run({u"status"_s, u"--json"_s}, env);
        QCOMPARE(json.exitCode, 1);
        const QJsonArray problems = wf::json::parse(json.output.toUtf8()).value_or(QJsonValue()).toObject().value(u"problems"_s).toArray();
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.at(0).toString().startsWith(u"redis"_s));

        supervisor.kill();
        other.kill();
        supervisor.waitForFinished();
        other.waitForFinished();
    }

    void downLeavesRecycledPidsAlone()
    {
        // The last state names processes that are gone; their pids may belong to anything now
        // (pid_max can be 32768). down must not kill those.
        QProcess bystander;
        bystander.start(u"sleep"_s, {u"60"_s});
        QVERIFY(bystander.waitForStarted());
        const QString pid = QString::number(bystander.processId());
        QFile state(m_state.path() + u"/stack.json"_s);
        QVERIFY(state.open(QIODevice::WriteOnly));
        state.write(QJsonDocument(QJsonObject{
                                          {u"state"_s, u"running"_s},
                                          {u"pid"_s, bystander.processId()},
                                          {u"components"_s, QJsonObject{{u"server"_s, QJsonObject{{u"pids"_s, QJsonArray{bystander.processId()}}}}}},
                                          // Recorded when the pid belonged to another process.
                                          {u"process_starts"_s, QJsonObject{{pid, 1}}}})
                            .toJson());
        state.close();
        QCOMPARE(command({u"down"_s}), 0);
        QVERIFY2(alive(bystander.processId()), "down killed a process that merely reused a recorded pid");
        bystander.kill();
        bystander.waitForFinished();
    }

    void childrenDieWithAKilledSupervisor()
    {
        // kill -9 leaves the supervisor no chance to clean up: the children (PostgreSQL runs as
        // another user) must still go, through their parent-death signal.
        QProcess stack;
        stack.setProcessEnvironment(environment());
        stack.start(wf::test::binDir() + u"/wf-stack"_s, {u"up"_s, u"--api"_s, u"1"_s, u"--workers"_s, u"1"_s});
        QVERIFY(stack.waitForStarted());
        QCOMPARE(command({u"wait-ready"_s, u"--timeout"_s, u"120"_s}), 0);
        // postgres, pgbouncer, redis, broker, nginx (master and its workers), one server, one worker
        QList<qint64> children;
        QTRY_VERIFY2_WITH_TIMEOUT(
                [&] {
                    children.clear();
                    const QJsonObject components = status().value(u"components"_s).toObject();
                    for (auto it = components.begin(); it != components.end(); ++it) {
                        const QJsonArray list = it.value().toObject().value(u"pids"_s).toArray();
                        for (const QJsonValue &pid : list)
                            children.append(pid.toInteger());
                    }
                    return children.size() >= 8;
                }(),
                qPrintable(QString::fromUtf8(QJsonDocument(status()).toJson())), 10000);
        QVERIFY(wf::test::sendSignal(stack.processId(), SIGKILL));
        QVERIFY(stack.waitForFinished(10000));
        for (qint64 pid : std::as_const(children))
            QTRY_VERIFY2_WITH_TIMEOUT(!alive(pid), qPrintable(u"pid %1 outlived its supervisor"_s.arg(pid)), 15000);
        QCOMPARE(command({u"down"_s}), 0);
    }
};

QTEST_GUILESS_MAIN(TestStack)
#include "tst_stack.moc"
