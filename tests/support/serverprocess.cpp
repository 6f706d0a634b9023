#include "serverprocess.h"

#include "httpclient.h"
#include "testcluster.h"

#include <QDeadlineTimer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace wf::test {

ServerProcess::~ServerProcess()
{
    stop();
}

QString ServerProcess::start(const QString &databaseUrl, const QProcessEnvironment &extra)
{
    m_port = freePort();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"WF_DATABASE_URL"_s, databaseUrl);
    environment.insert(u"WF_HTTP_PORT"_s, QString::number(m_port));
    environment.insert(u"WF_HTTP_HOST"_s, u"127.0.0.1"_s);
    environment.insert(u"WF_INSTANCE_ID"_s, u"test-%1"_s.arg(m_port));
    // As the local stack runs its servers; tests of keys set WF_AUTH=required.
    environment.insert(u"WF_AUTH"_s, u"open"_s);
    environment.insert(extra);
    m_process.setProcessEnvironment(environment);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(binDir() + u"/wf-server"_s, {});
    if (!m_process.waitForStarted(10000))
        return u"wf-server did not start: "_s + m_process.errorString();
    HttpClient client(url());
    const QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running)
            return u"wf-server exited: "_s + QString::fromUtf8(output());
        if (client.request("GET", u"/health/ready"_s, {}, {}, 2000).status == 200)
            return {};
        QThread::msleep(50);
    }
    return u"wf-server did not become ready: "_s + QString::fromUtf8(output());
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QUrl ServerProcess::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

QByteArray ServerProcess::output()
{
    m_output += m_process.readAll();
    return m_output;
}

} // namespace wf::test
