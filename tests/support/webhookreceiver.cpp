#include "webhookreceiver.h"

#include "rawhttprequest.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace wf::test {

// Parses HTTP/1.1 requests (Content-Length bodies, keep-alive) and answers them.
class ReceiverWorker : public QObject
{
public:
    explicit ReceiverWorker(WebhookReceiver &owner) : m_owner(owner)
    {
        m_server = new QTcpServer(this);
        m_server->listen(QHostAddress::LocalHost, 0);
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    int port() const { return m_server->serverPort(); }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        while (const std::optional<RawHttpRequest> raw = RawHttpRequest::take(buffer)) {
            WebhookReceiver::Request request{raw->method, raw->path, raw->headers, raw->body};
            WebhookReceiver::Answer answer;
            {
                QMutexLocker lock(&m_owner.m_mutex);
                m_owner.m_requests.append(request);
                answer = m_owner.m_answers.value(request.path.split('?').first(), WebhookReceiver::Answer{});
            }
            ++m_owner.m_count;
            QByteArray response = "HTTP/1.1 " + QByteArray::number(answer.status) + " X\r\nContent-Type: application/json\r\n"
                    + (answer.location.isEmpty() ? QByteArray() : "Location: " + answer.location + "\r\n") + "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n\r\n" + answer.body;
            QPointer<QTcpSocket> guarded(socket);
            if (answer.delayMs > 0) {
                QTimer::singleShot(answer.delayMs, this, [guarded, response] {
                    if (guarded && guarded->state() == QAbstractSocket::ConnectedState)
                        guarded->write(response);
                });
            } else {
                socket->write(response);
            }
        }
    }

    WebhookReceiver &m_owner;
    QTcpServer *m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

WebhookReceiver::WebhookReceiver()
{
    auto *worker = new ReceiverWorker(*this);
    m_port = worker->port();
    m_worker = worker;
    worker->moveToThread(&m_thread);
    m_thread.start();
}

WebhookReceiver::~WebhookReceiver()
{
    QMetaObject::invokeMethod(m_worker, [this] { delete m_worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QByteArray WebhookReceiver::url(const QByteArray &path) const
{
    return "http://127.0.0.1:" + QByteArray::number(m_port) + path;
}

void WebhookReceiver::setAnswer(const QByteArray &path, const Answer &answer)
{
    QMutexLocker lock(&m_mutex);
    m_answers.insert(path, answer);
}

QList<WebhookReceiver::Request> WebhookReceiver::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

QHash<QByteArray, int> WebhookReceiver::keys() const
{
    QMutexLocker lock(&m_mutex);
    QHash<QByteArray, int> out;
    for (const Request &request : m_requests)
        ++out[request.headers.value("idempotency-key")];
    return out;
}

void WebhookReceiver::clear()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
    m_count = 0;
}

} // namespace wf::test
