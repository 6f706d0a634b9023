#include "requestguard.h"

#include "connectionsequencer.h"
#include "httpresponse.h"
#include "reply.h"

#include "core/error.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace wf::http {

namespace {

// Where the head ends (after its blank line), or -1: CRLFCRLF, or a bare LF LF as QtHttpServer
// also accepts.
qsizetype headEnd(const QByteArray &bytes)
{
    const qsizetype crlf = bytes.indexOf("\r\n\r\n");
    const qsizetype lf = bytes.indexOf("\n\n");
    if (crlf < 0 && lf < 0)
        return -1;
    if (lf < 0 || (crlf >= 0 && crlf + 2 < lf))
        return crlf + 4;
    return lf + 2;
}

} // namespace

RequestGuard::RequestGuard(QTcpSocket *socket, qint64 maxBodyBytes, QByteArray instanceId)
    : QObject(socket), m_socket(socket), m_maxBodyBytes(maxBodyBytes), m_instanceId(std::move(instanceId))
{
    connect(socket, &QTcpSocket::readyRead, this, &RequestGuard::onReadyRead);
}

void RequestGuard::onReadyRead()
{
    if (m_refused) {
        discard();
        return;
    }
    if (!m_socket->isTransactionStarted()) {
        // Between requests: what is buffered begins the next one.
        m_head.clear();
        m_headBytes = -1;
        m_chunked = false;
        m_received = 0;
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    if (m_headBytes < 0) {
        m_head += m_socket->peek(qMin<qint64>(available, kMaxHeadBytes + 4 - m_head.size()));
        inspectHead();
        if (m_refused)
            return;
    }
    m_received += available;
    // A Content-Length was judged above, and the parser reads no more than it says (what follows
    // is the next request). A chunked body can only be counted as it arrives; chunk framing
    // counts too, and the decoded size is judged exactly once the body is complete.
    if (m_chunked && m_received - m_headBytes > m_maxBodyBytes + m_maxBodyBytes / 8 + 4096)
        refuse(u"request body is larger than the limit of %1 bytes"_s.arg(m_maxBodyBytes));
}

void RequestGuard::inspectHead()
{
    // Blank lines before a request are skipped, as QtHttpServer does.
    qsizetype start = 0;
    while (start < m_head.size() && (m_head.at(start) == '\r' || m_head.at(start) == '\n'))
        ++start;
    const qsizetype end = headEnd(m_head.mid(start));
    if (end < 0) {
        // Blank lines count too: a client must not be able to pad its way past the check.
        if (m_head.size() > kMaxHeadBytes)
            refuse(u"request head is larger than the limit of %1 bytes"_s.arg(kMaxHeadBytes));
        return;
    }
    m_headBytes = start + end;
    const QList<QByteArray> lines = m_head.mid(start, end).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (ok && length > m_maxBodyBytes) {
                refuse(u"request body of %1 bytes is larger than the limit of %2 bytes"_s.arg(length).arg(m_maxBodyBytes));
                return;
            }
        } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
            m_chunked = true;
        }
    }
    m_head.clear();
}

void RequestGuard::refuse(const QString &detail)
{
    m_refused = true;
    // In its turn after the requests before it; the connection closes after the answer, gently
    // (ConnectionSequencer::lingerOnClose): a client still sending its body gets to read it.
    ConnectionSequencer::lingerOnClose(m_socket);
    Reply::forSocket(m_socket, m_instanceId, true, false).send(HttpResponse::error({Error::Kind::TooLarge, detail}));
    discard();
}

void RequestGuard::discard()
{
    // Rolling the parser's transaction back releases what it kept; then nothing is left to parse.
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction();
    m_socket->skip(m_socket->bytesAvailable());
}

} // namespace wf::http
