#include "platformprocess.h"

#include "testcluster.h"

#include <QDeadlineTimer>

#include <csignal>

using namespace Qt::StringLiterals;

namespace wf::test {

PlatformProcess::~PlatformProcess()
{
    stop(10000);
}

QString PlatformProcess::start(const QStringList &arguments, const QProcessEnvironment &environment)
{
    m_output.clear();
    m_process.setProcessEnvironment(environment);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(binDir() + u'/' + m_program, arguments);
    if (!m_process.waitForStarted(10000))
        return m_program + u" did not start: "_s + m_process.errorString();
    return {};
}

bool PlatformProcess::waitForOutput(const QByteArray &text, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (output().contains(text))
            return true;
        if (m_process.state() != QProcess::Running)
            return false;
        m_process.waitForReadyRead(50);
    }
    return output().contains(text);
}

void PlatformProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    output();
}

void PlatformProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    sendSignal(m_process.processId(), SIGKILL);
    m_process.waitForFinished(5000);
    output();
}

QByteArray PlatformProcess::output()
{
    m_output += m_process.readAll();
    return m_output;
}

QString BrokerProcess::start(int partitions, int port)
{
    m_port = port > 0 ? port : freePort();
    const QString error = m_process.start({u"--port"_s, QString::number(m_port), u"--partitions"_s, QString::number(partitions)},
                                          QProcessEnvironment::systemEnvironment());
    if (!error.isEmpty())
        return error;
    if (!m_process.waitForOutput("broker listening", 15000))
        return u"wf-broker did not come up: "_s + QString::fromUtf8(m_process.output());
    m_bootstrap = u"127.0.0.1:%1"_s.arg(m_port);
    return {};
}

} // namespace wf::test
