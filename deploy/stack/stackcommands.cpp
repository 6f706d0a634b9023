#include "stackcommands.h"

#include "kubernetesreplicas.h"
#include "kubernetesscaler.h"
#include "readiness.h"
#include "scalingreconciler.h"
#include "stack.h"
#include "stacklayout.h"
#include "statefile.h"

#include "core/config.h"
#include "core/logging.h"
#include "core/settings.h"
#include "core/unixsignals.h"
#include "db/database.h"
#include "db/migrator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace wf::stack {

namespace {

void print(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stdout);
    std::fflush(stdout);
}

void printError(const QString &text)
{
    std::fputs(qPrintable(u"wf-stack: "_s + text + u'\n'), stderr);
}

int up(QCoreApplication &app, const StackOptions &options)
{
    const QJsonObject previous = StateFile::verified(StateFile::read(options.statePath()));
    if (previous.value(u"state"_s).toString() == u"running"_s || previous.value(u"state"_s).toString() == u"starting"_s) {
        printError(u"a stack is already running from %1 (pid %2); run deploy/down first"_s.arg(
                options.stateDir, QString::number(previous.value(u"pid"_s).toInteger())));
        return 3;
    }
    Stack stack(options);
    UnixSignals signals;
    QObject::connect(&signals, &UnixSignals::received, &app, [](int number) {
        qCInfo(lcCore) << "signal" << number << "received, stopping the stack";
        QCoreApplication::quit();
    });
    if (auto status = stack.up(); !status) {
        printError(status.error().detail());
        stack.fail(status.error().detail());
        stack.down();
        return 1;
    }
    app.exec();
    stack.down();
    return 0;
}

int waitReady(const StackOptions &options, int timeoutSeconds, qint64 supervisor)
{
    // Ready means: the supervisor says so, every component has its live processes, and the HTTP
    // entry is this stack's nginx answering with one of this stack's servers. A 200 from some
    // other program on the port is not the platform.
    const QDeadlineTimer deadline(qint64(timeoutSeconds) * 1000);
    QString last = u"no state written yet"_s;
    while (!deadline.hasExpired()) {
        const QJsonObject raw = StateFile::read(options.statePath());
        if (raw.isEmpty()) {
            // The supervisor has not written its first state yet, or never will.
            if (supervisor > 0 && !StateFile::alive(supervisor)) {
                printError(u"the supervisor (pid %1) exited before it wrote %2; see %3/stack.log"_s.arg(supervisor).arg(
                        options.statePath(), options.logDir()));
                return 1;
            }
            QThread::msleep(100);
            continue;
        }
        const QJsonObject state = StateFile::verified(raw);
        const QString current = state.value(u"state"_s).toString();
        const QString error = state.value(u"error"_s).toString();
        if (current == u"failed"_s) {
            printError(u"the stack could not start: "_s + error);
            return 1;
        }
        if (current == u"dead"_s || current == u"stopped"_s) {
            printError(u"the stack stopped while starting%1; see %2/stack.log"_s.arg(error.isEmpty() ? QString() : u": "_s + error,
                                                                                   options.logDir()));
            return 1;
        }
        if (current == u"running"_s) {
            const QStringList problems = componentProblems(state);
            last = problems.isEmpty() ? entryProblem(state, 2000) : problems.join(u"; "_s);
            if (last.isEmpty())
                return 0;
        } else {
            last = u"state: "_s + current;
        }
        QThread::msleep(200);
    }
    printError(u"the stack was not ready after %1 s: %2; logs in %3"_s.arg(timeoutSeconds).arg(last, options.logDir()));
    return 1;
}

QString joined(const QJsonArray &list)
{
    QStringList out;
    for (const QJsonValue &value : list)
        out << (value.isString() ? value.toString() : QString::number(value.toInteger()));
    return out.join(u' ');
}

// One line per component: what it should run, its ports, its live pids; DEAD when none lives.
int status(const StackOptions &options, bool asJson)
{
    const QJsonObject raw = StateFile::read(options.statePath());
    if (raw.isEmpty()) {
        if (asJson)
            print(u"{\"state\":\"stopped\",\"components\":{}}"_s);
        else
            print(u"not running (no state in %1)"_s.arg(options.stateDir));
        return 3;
    }
    QJsonObject state = StateFile::verified(raw);
    const QString current = state.value(u"state"_s).toString();
    const bool live = current == u"running"_s || current == u"starting"_s;
    QStringList problems;
    if (current == u"running"_s)
        problems = componentProblems(state);
    else if (current == u"failed"_s)
        problems << u"the stack could not start: "_s + state.value(u"error"_s).toString();
    else if (current == u"dead"_s)
        problems << u"the supervisor (pid %1) is gone"_s.arg(state.value(u"pid"_s).toInteger());
    bool dead = false;
    const QJsonObject components = state.value(u"components"_s).toObject();
    QStringList lines;
    for (const QString &name : stackComponents()) {
        if (!components.contains(name))
            continue;
        const QJsonObject component = components.value(name).toObject();
        const QJsonArray pids = component.value(u"pids"_s).toArray();
        const int wanted = expectedProcesses(name, component);
        const int alive = name == u"nginx"_s ? qMin<int>(1, pids.size()) : int(pids.size());
        const bool replicas = component.contains(u"desired"_s);
        QString flag;
        if (!live)
            flag = u"-"_s;
        else if (wanted > 0 && alive == 0)
            flag = current == u"starting"_s && component.value(u"restarts"_s).toInt() == 0 ? u"starting"_s : u"DEAD"_s;
        else if (alive < wanted)
            flag = u"%1/%2 DEGRADED"_s.arg(alive).arg(wanted);
        else
            flag = replicas ? u"%1/%2"_s.arg(alive).arg(wanted) : wanted == 0 ? u"external"_s : u"up"_s;
        if (flag == u"DEAD"_s || flag.endsWith(u"DEGRADED"_s))
            dead = true;
        QString ports;
        if (name == u"nginx"_s)
            ports = u"%1 (HTTP entry)"_s.arg(component.value(u"port"_s).toInt());
        else if (name == u"server"_s)
            ports = joined(component.value(u"ports"_s).toArray());
        else if (name == u"worker"_s)
            ports = component.value(u"health_ports"_s).toArray().isEmpty()
                    ? u"-"_s
                    : joined(component.value(u"health_ports"_s).toArray()) + u" (health)"_s;
        else if (name == u"broker"_s)
            ports = component.value(u"embedded"_s).toBool(true) ? component.value(u"bootstrap"_s).toString().section(u':', -1)
                                                                 : component.value(u"bootstrap"_s).toString();
        else
            ports = QString::number(component.value(u"port"_s).toInt());
        const QJsonArray draining = component.value(u"draining"_s).toArray();
        const QString shown = (pids.isEmpty() ? u"-"_s : joined(pids))
                + (draining.isEmpty() ? QString() : u"  draining: "_s + joined(draining));
        lines << u"  %1 %2 %3 %4"_s.arg(name, -10).arg(flag, -13).arg(ports, -28).arg(shown);
    }
    if (asJson) {
        state.insert(u"problems"_s, QJsonArray::fromStringList(problems));
        print(QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Indented)).trimmed());
    } else {
        print(u"stack: %1 (pid %2), API %3"_s.arg(current)
                      .arg(state.value(u"pid"_s).toInteger())
                      .arg(state.value(u"api_url"_s).toString()));
        if (live) {
            print(u"  %1 %2 %3 %4"_s.arg(u"COMPONENT"_s, -10).arg(u"STATE"_s, -13).arg(u"PORTS"_s, -28).arg(u"PIDS"_s));
            for (const QString &line : std::as_const(lines))
                print(line);
        }
        for (const QString &problem : std::as_const(problems))
            print(u"problem: "_s + problem);
        if (!live)
            print(u"(deploy/down clears this state; logs in %1)"_s.arg(options.logDir()));
    }
    if (current == u"failed"_s || dead)
        return 1;
    return live ? 0 : 3;
}

// Deletes the stack's data (database included): only after a clean stop.
int purge(const StackOptions &options)
{
    if (auto status = StackLayout(options).purge(); !status) {
        printError(status.error().detail());
        return 1;
    }
    print(u"deleted the stack's data in %1"_s.arg(options.stateDir));
    return 0;
}

int down(const StackOptions &options, bool purging)
{
    const QJsonObject state = StateFile::read(options.statePath());
    if (state.isEmpty()) {
        print(u"nothing to stop"_s);
        return purging ? purge(options) : 0;
    }
    const qint64 supervisor = state.value(u"pid"_s).toInteger();
    if (StateFile::sameProcess(state, supervisor)) {
        print(u"stopping the stack (pid %1)"_s.arg(supervisor));
        ::kill(pid_t(supervisor), SIGTERM);
        const QDeadlineTimer deadline(60000);
        while (StateFile::sameProcess(state, supervisor) && !deadline.hasExpired())
            QThread::msleep(100);
    }
    // Whatever is still alive from the last recorded picture (a supervisor killed with -9, say),
    // and only if it is still the same process: a pid freed since may belong to anything now.
    const QList<qint64> pids = StateFile::allPids(state);
    int killed = 0;
    for (qint64 pid : pids) {
        if (StateFile::sameProcess(state, pid)) {
            ::kill(pid_t(pid), SIGKILL);
            ++killed;
        }
    }
    if (killed)
        print(u"killed %1 leftover process(es)"_s.arg(killed));
    const QDeadlineTimer deadline(10000);
    for (qint64 pid : pids) {
        while (StateFile::sameProcess(state, pid) && !deadline.hasExpired())
            QThread::msleep(50);
        if (StateFile::sameProcess(state, pid)) {
            printError(u"process %1 is still running"_s.arg(pid));
            return 1;
        }
    }
    QFile::remove(options.statePath());
    print(u"stopped"_s);
    return purging ? purge(options) : 0;
}

// The in-cluster scaling backend: scaling_targets made true by patching Deployments.
int reconcile(QCoreApplication &app, const Config &config, const StackOptions &options, const QString &backend)
{
    if (backend != u"kubernetes"_s) {
        printError(u"reconcile --backend must be kubernetes (locally, wf-stack up reconciles by itself)"_s);
        return 2;
    }
    const QString databaseUrl = config.string(u"database/url"_s);
    if (databaseUrl.isEmpty()) {
        printError(u"reconcile needs WF_DATABASE_URL"_s);
        return 2;
    }
    const auto applied = db::Migrator::migrateWhenReady(databaseUrl, 60);
    if (!applied) {
        printError(applied.error().detail());
        return 1;
    }
    KubernetesScaler::Options scalerOptions;
    if (config.contains(u"k8s/api"_s))
        scalerOptions.apiServer = QUrl(config.string(u"k8s/api"_s));
    scalerOptions.ns = config.string(u"k8s/namespace"_s);
    scalerOptions.tokenPath = config.string(u"k8s/token_path"_s, scalerOptions.tokenPath);
    scalerOptions.caPath = config.string(u"k8s/ca_path"_s, scalerOptions.caPath);
    scalerOptions.deployments = {{u"server"_s, config.string(u"k8s/server_deployment"_s, u"wf-server"_s)},
                                 {u"worker"_s, config.string(u"k8s/worker_deployment"_s, u"wf-worker"_s)}};
    KubernetesScaler scaler(scalerOptions);
    KubernetesReplicas replicas(scaler);
    db::Database database(db::DatabaseUrl::parse(databaseUrl).value(), 1, 16);
    ScalingReconciler reconciler(database, replicas,
                                 {options.serverMin, options.serverMax, options.workerMin, options.workerMax});
    reconciler.adopt(options.apiReplicas, options.workerReplicas);
    qCInfo(lcCore).noquote() << u"reconciling scaling_targets with Kubernetes Deployments %1 and %2"_s.arg(
            scalerOptions.deployments.value(u"server"_s), scalerOptions.deployments.value(u"worker"_s));
    UnixSignals signals;
    QObject::connect(&signals, &UnixSignals::received, &app, [] { QCoreApplication::quit(); });
    return app.exec();
}

} // namespace

int runCommand(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Runs the Workflow Automation Platform locally: PostgreSQL, PgBouncer, Redis, the broker, nginx, servers and workers "
                                     "as supervised child processes.\n\nCommands: up, wait-ready, status, down [--purge]; and reconcile --backend kubernetes "
                                     "(in a cluster: make scaling_targets true by patching the Deployments; WF_DATABASE_URL, "
                                     "WF_K8S_NAMESPACE, WF_K8S_API, WF_K8S_SERVER_DEPLOYMENT, WF_K8S_WORKER_DEPLOYMENT).\n"
                                     "State, logs and the database live in WF_STACK_STATE_DIR (default ./.wf).\n\n"_s
                                     + Settings::helpText(Settings::Executable::Stack));
    parser.addHelpOption();
    parser.addPositionalArgument(u"command"_s, u"up | wait-ready | status | down | reconcile"_s);
    const QCommandLineOption configOption(u"config"_s, u"INI file with settings (default: $WF_CONFIG)."_s, u"file"_s);
    const QCommandLineOption apiOption(u"api"_s, u"API server replicas (WF_STACK_API_REPLICAS)."_s, u"n"_s);
    const QCommandLineOption workersOption(u"workers"_s, u"Worker replicas (WF_STACK_WORKER_REPLICAS)."_s, u"m"_s);
    const QCommandLineOption stateOption(u"state-dir"_s, u"State directory (WF_STACK_STATE_DIR)."_s, u"dir"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"status: print JSON."_s);
    const QCommandLineOption timeoutOption(u"timeout"_s, u"wait-ready: seconds to wait (default 180)."_s, u"s"_s, u"180"_s);
    const QCommandLineOption pidOption(u"pid"_s, u"wait-ready: the supervisor's pid (fail at once when it exits before writing its state)."_s,
                                       u"pid"_s);
    const QCommandLineOption purgeOption(u"purge"_s, u"down: then delete the stack's data, the database included."_s);
    const QCommandLineOption backendOption(u"backend"_s, u"reconcile: where replicas run (kubernetes)."_s, u"name"_s,
                                           u"kubernetes"_s);
    parser.addOptions({configOption, apiOption, workersOption, stateOption, jsonOption, timeoutOption, pidOption, purgeOption, backendOption});
    parser.process(app);

    Config config = Config::load(parser.isSet(configOption) ? parser.value(configOption) : qEnvironmentVariable("WF_CONFIG"));
    if (parser.isSet(apiOption))
        config.set(u"stack/api_replicas"_s, parser.value(apiOption));
    if (parser.isSet(workersOption))
        config.set(u"stack/worker_replicas"_s, parser.value(workersOption));
    if (parser.isSet(stateOption))
        config.set(u"stack/state_dir"_s, parser.value(stateOption));
    const auto options = StackOptions::from(config);
    if (!options) {
        printError(options.error().detail());
        return 2;
    }
    logging::install(config.string(u"log/format"_s, u"text"_s), u"wf-stack"_s);

    const QString command = parser.positionalArguments().value(0);
    if (command == u"up"_s)
        return up(app, *options);
    if (command == u"wait-ready"_s)
        return waitReady(*options, parser.value(timeoutOption).toInt(), parser.value(pidOption).toLongLong());
    if (command == u"status"_s)
        return status(*options, parser.isSet(jsonOption));
    if (command == u"down"_s)
        return down(*options, parser.isSet(purgeOption));
    if (command == u"reconcile"_s)
        return reconcile(app, config, *options, parser.value(backendOption));
    printError(u"unknown command \"%1\"; see --help"_s.arg(command));
    return 2;
}

} // namespace wf::stack
