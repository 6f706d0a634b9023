#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

class QTcpSocket;

namespace wf::bench {

// One keep-alive HTTP/1.1 connection that carries one request at a time, as a connection of
// aiohttp's pool does: connects on its first request, reads the status, the headers and a
// Content-Length or chunked body, and is reusable afterwards unless the server said
// `Connection: close` or the connection failed. Every request has a deadline.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    struct Response
    {
        int status = 0; // 0: no answer (error says why)
        QByteArray body;
        QString error;
        std::chrono::nanoseconds elapsed{0}; // from send() to the whole answer
    };
    using Done = std::function<void(const Response &)>;

    HttpConnection(QString host, quint16 port, int timeoutMs, QObject *parent = nullptr);

    // A whole HTTP/1.1 request for `host`:`port`: the head (with `authorization` when not empty,
    // and a JSON Content-Type and Content-Length for a body or a POST) and the body.
    static QByteArray request(const char *method, const QString &host, quint16 port, const QString &path,
                              const QByteArray &body = {}, const QByteArray &authorization = {});

    // `request`: the whole request, head and body. `done` runs once, from the event loop.
    void send(QByteArray request, Done done);
    bool busy() const { return static_cast<bool>(m_done); }
    // Idle and still open (or never opened): it may take the next request.
    bool reusable() const;
    // Fails the request in flight if it has taken longer than its timeout (the pool asks every
    // few hundred milliseconds: a timer per request costs more than the request on loopback).
    void checkDeadline(std::chrono::steady_clock::time_point now);

private:
    void readAnswer();
    void fail(const QString &error);
    void finish(Response response);
    // Parses m_buffer; true when the whole answer is there (then m_response is it).
    bool parse();

    QString m_host;
    quint16 m_port;
    int m_timeoutMs;
    QTcpSocket *m_socket = nullptr;
    QByteArray m_buffer;
    Done m_done;
    Response m_response;
    std::chrono::steady_clock::time_point m_sent;
    bool m_closeAfter = false;
    bool m_broken = false;
};

} // namespace wf::bench
