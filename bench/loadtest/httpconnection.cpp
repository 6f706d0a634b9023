#include "httpconnection.h"

#include <QNetworkProxy>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace wf::bench {

namespace {

// Header value of `name` (lowercase) in `head`, or an empty array.
QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    qsizetype from = 0;
    while ((from = head.indexOf("\r\n", from)) >= 0) {
        from += 2;
        const qsizetype end = head.indexOf("\r\n", from);
        const QByteArray line = head.mid(from, end < 0 ? -1 : end - from);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
        if (end < 0)
            break;
    }
    return {};
}

} // namespace

HttpConnection::HttpConnection(QString host, quint16 port, int timeoutMs, QObject *parent)
    : QObject(parent), m_host(std::move(host)), m_port(port), m_timeoutMs(timeoutMs)
{
}

void HttpConnection::checkDeadline(std::chrono::steady_clock::time_point now)
{
    if (m_done && now - m_sent > std::chrono::milliseconds(m_timeoutMs))
        fail(u"no answer within %1 ms"_s.arg(m_timeoutMs));
}

QByteArray HttpConnection::request(const char *method, const QString &host, quint16 port, const QString &path,
                                   const QByteArray &body, const QByteArray &authorization)
{
    QByteArray out;
    out.reserve(256 + body.size());
    out += method;
    out += ' ';
    out += path.toUtf8();
    out += " HTTP/1.1\r\nHost: ";
    out += host.toUtf8();
    out += ':';
    out += QByteArray::number(port);
    out += "\r\nUser-Agent: wf-loadtest\r\nAccept: */*\r\n";
    if (!authorization.isEmpty())
        out += "Authorization: " + authorization + "\r\n";
    if (!body.isEmpty() || qstrcmp(method, "POST") == 0) {
        out += "Content-Type: application/json\r\nContent-Length: ";
        out += QByteArray::number(body.size());
        out += "\r\n";
    }
    out += "\r\n";
    out += body;
    return out;
}

bool HttpConnection::reusable() const
{
    if (m_done || m_broken || m_closeAfter)
        return false;
    return !m_socket || m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpConnection::send(QByteArray request, Done done)
{
    Q_ASSERT(!m_done);
    m_done = std::move(done);
    m_response = {};
    m_buffer.clear();
    m_sent = std::chrono::steady_clock::now();
    if (!m_socket) {
        m_socket = new QTcpSocket(this);
        m_socket->setProxy(QNetworkProxy::NoProxy);
        connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readAnswer);
        connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
            // A server that closes after its answer reports RemoteHostClosed once it was read.
            if (m_done)
                fail(m_socket->errorString());
            m_broken = true;
        });
        connect(m_socket, &QTcpSocket::disconnected, this, [this] {
            m_broken = true;
            if (m_done)
                fail(u"Server disconnected"_s);
        });
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_socket->connectToHost(m_host, m_port);
    }
    m_socket->write(request); // buffered until connected
}

void HttpConnection::readAnswer()
{
    m_buffer += m_socket->readAll();
    if (m_done && parse()) {
        Response response = std::move(m_response);
        finish(std::move(response));
    }
}

bool HttpConnection::parse()
{
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QByteArray head = m_buffer.left(headEnd);
    if (m_response.status == 0) {
        // "HTTP/1.1 200 OK"
        const qsizetype space = head.indexOf(' ');
        m_response.status = space > 0 ? head.mid(space + 1, 3).toInt() : -1;
        m_closeAfter = headerValue(head, "connection").toLower() == "close" || head.startsWith("HTTP/1.0");
    }
    const qsizetype bodyStart = headEnd + 4;
    if (headerValue(head, "transfer-encoding").toLower().contains("chunked")) {
        QByteArray body;
        qsizetype at = bodyStart;
        for (;;) {
            const qsizetype lineEnd = m_buffer.indexOf("\r\n", at);
            if (lineEnd < 0)
                return false;
            bool ok = false;
            const qsizetype size = m_buffer.mid(at, lineEnd - at).split(';').first().trimmed().toLongLong(&ok, 16);
            if (!ok) {
                m_response.error = u"malformed chunk"_s;
                m_closeAfter = true;
                return true;
            }
            if (size == 0) {
                if (m_buffer.indexOf("\r\n", lineEnd + 2) < 0)
                    return false; // the trailer's end
                m_response.body = body;
                return true;
            }
            if (m_buffer.size() < lineEnd + 2 + size + 2)
                return false;
            body += m_buffer.mid(lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
    const QByteArray length = headerValue(head, "content-length");
    const qsizetype size = length.isEmpty() ? 0 : length.toLongLong();
    if (m_buffer.size() - bodyStart < size)
        return false;
    m_response.body = m_buffer.mid(bodyStart, size);
    return true;
}

void HttpConnection::fail(const QString &error)
{
    if (!m_done)
        return;
    m_broken = true;
    Response response;
    response.error = error;
    // finish() first: aborting the socket emits disconnected(), which must find no request.
    finish(std::move(response));
    if (m_socket)
        m_socket->abort();
}

void HttpConnection::finish(Response response)
{
    response.elapsed = std::chrono::steady_clock::now() - m_sent;
    Done done = std::move(m_done);
    m_done = nullptr;
    m_buffer.clear();
    done(response);
}

} // namespace wf::bench
