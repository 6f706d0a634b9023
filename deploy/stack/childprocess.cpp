#include "childprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <grp.h>
#include <limits>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcStack, "wf.stack")

using namespace Qt::StringLiterals;

namespace wf::stack {

QProcessEnvironment ChildProcess::baseEnvironment()
{
    static const QStringList kept{u"PATH"_s, u"HOME"_s, u"USER"_s, u"LOGNAME"_s, u"LANG"_s, u"LANGUAGE"_s, u"TZ"_s, u"TMPDIR"_s};
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment base;
    for (const QString &name : system.keys()) {
        if (kept.contains(name) || name.startsWith(u"LC_"_s))
            base.insert(name, system.value(name));
    }
    if (!base.contains(u"PATH"_s))
        base.insert(u"PATH"_s, u"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"_s);
    return base;
}

QProcessEnvironment ChildProcess::platformEnvironment()
{
    QProcessEnvironment environment = baseEnvironment();
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    for (const QString &name : system.keys()) {
        if (name.startsWith(u"WF_"_s) || name.startsWith(u"QT_"_s) || name.startsWith(u"ASAN_"_s)
            || name.startsWith(u"UBSAN_"_s) || name.startsWith(u"LSAN_"_s))
            environment.insert(name, system.value(name));
    }
    return environment;
}

ChildProcess::ChildProcess(Spec spec, QObject *parent) : QObject(parent), m_spec(std::move(spec))
{
    m_restartTimer = new QTimer(this);
    m_restartTimer->setSingleShot(true);
    connect(m_restartTimer, &QTimer::timeout, this, [this] { start(); });
    m_killTimer = new QTimer(this);
    m_killTimer->setSingleShot(true);
    connect(m_killTimer, &QTimer::timeout, this, [this] {
        if (running()) {
            qCWarning(lcStack) << m_spec.name << "did not stop in time, killing it";
            signal(SIGKILL);
        }
    });
}

ChildProcess::~ChildProcess()
{
    if (running()) {
        stop();
        waitStopped(m_spec.stopTimeoutMs + 2000);
    }
}

bool ChildProcess::start()
{
    if (running())
        return true;
    m_stopping = false;
    delete m_process;
    m_process = new QProcess(this);
    m_process->setProgram(m_spec.program);
    m_process->setArguments(m_spec.arguments);
    m_process->setProcessEnvironment(m_spec.environment);
    if (!m_spec.workingDirectory.isEmpty())
        m_process->setWorkingDirectory(m_spec.workingDirectory);
    if (!m_spec.logFile.isEmpty()) {
        QDir().mkpath(QFileInfo(m_spec.logFile).absolutePath());
        // Logs name runs, keys' ids and addresses: readable by the stack's owner only.
        QFile log(m_spec.logFile);
        if (log.open(QIODevice::Append))
            log.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_process->setStandardOutputFile(m_spec.logFile, QIODevice::Append);
        m_process->setProcessChannelMode(QProcess::MergedChannels);
    }
    m_process->setStandardInputFile(QProcess::nullDevice());

    uid_t uid = 0;
    gid_t gid = 0;
    bool switchUser = false;

    if (!m_spec.runAsUser.isEmpty() && ::geteuid() == 0) {
        const passwd *entry = ::getpwnam(m_spec.runAsUser.toLocal8Bit().constData());
        if (!entry) {
            m_lastError = u"user %1 does not exist"_s.arg(m_spec.runAsUser);
            return false;
        }
        uid = entry->pw_uid;
        gid = entry->pw_gid;
        switchUser = true;
    }
    const pid_t supervisor = ::getpid();
    const int deathSignal = m_spec.parentDeathSignal;
    m_process->setChildProcessModifier([=] {
        // Runs in the forked child before exec: async-signal-safe calls only.
        ::setsid();
        if (switchUser) {
            if (::setgid(gid) != 0 || ::setgroups(0, nullptr) != 0 || ::setuid(uid) != 0)
                ::_exit(126);
        }
        // After the user switch: changing credentials clears the parent-death signal.
        ::prctl(PR_SET_PDEATHSIG, deathSignal);
        if (::getppid() != supervisor)
            ::_exit(1);
    });
    connect(m_process, &QProcess::finished, this, &ChildProcess::onFinished);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        m_lastError = m_process->errorString();
        qCWarning(lcStack) << m_spec.name << "failed to start:" << m_lastError;
        if (m_spec.restart)
            scheduleRestart();
        return false;
    }
    m_upSince.start();
    qCInfo(lcStack) << m_spec.name << "started, pid" << m_process->processId();
    Q_EMIT started(m_process->processId());
    return true;
}

void ChildProcess::stop()
{
    m_stopping = true;
    m_restartTimer->stop();
    if (!running()) {
        Q_EMIT stopped();
        return;
    }
    signal(m_spec.stopSignal);
    m_killTimer->start(m_spec.stopTimeoutMs);
}

bool ChildProcess::waitStopped(int ms)
{
    // The kill timer needs the event loop, which does not run here: escalate by hand.
    const QDeadlineTimer deadline(ms);
    const QDeadlineTimer patience(m_stopping ? m_spec.stopTimeoutMs : std::numeric_limits<qint64>::max());
    bool killed = false;
    while (running() && !deadline.hasExpired()) {
        if (!killed && patience.hasExpired()) {
            qCWarning(lcStack) << m_spec.name << "did not stop in time, killing it";
            signal(SIGKILL);
            killed = true;
        }
        m_process->waitForFinished(50);
    }
    return !running();
}

void ChildProcess::signal(int number)
{
    // pid 0 or below would signal this supervisor's whole process group.
    const qint64 target = pid();
    if (target > 1)
        ::kill(pid_t(target), number);
}

bool ChildProcess::running() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 ChildProcess::pid() const
{
    return running() ? m_process->processId() : 0;
}

void ChildProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    m_killTimer->stop();
    if (m_stopping) {
        qCInfo(lcStack) << m_spec.name << "stopped";
        Q_EMIT stopped();
        return;
    }
    if (!m_spec.restart && status == QProcess::NormalExit && exitCode == 0)
        qCInfo(lcStack) << m_spec.name << "finished";
    else
        qCWarning(lcStack) << m_spec.name << "exited unexpectedly" << (status == QProcess::CrashExit ? "(crashed)" : "")
                           << "code" << exitCode;
    Q_EMIT crashed(exitCode);
    if (m_spec.restart)
        scheduleRestart();
}

void ChildProcess::scheduleRestart()
{
    // A child that ran for a while gets a fresh backoff; one that keeps dying waits longer.
    if (m_upSince.isValid() && m_upSince.elapsed() > 30000)
        m_backoffMs = 500;
    ++m_restarts;
    qCInfo(lcStack) << m_spec.name << "restarting in" << m_backoffMs << "ms";
    m_restartTimer->start(m_backoffMs);
    m_backoffMs = qMin(m_backoffMs * 2, 30000);
}

} // namespace wf::stack
