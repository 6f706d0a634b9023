#pragma once

#include "router.h"

#include <QAbstractHttpServer>

#include <functional>

namespace wf::http {

// One event loop's HTTP server: parses requests (QtHttpServer), turns them into HttpRequest and
// hands them to the router; it is also the context object on whose thread asynchronous work
// answers. One per API thread, all accepting on the same SO_REUSEPORT port.
class ApiServer : public QAbstractHttpServer
{
public:
    struct Options
    {
        QByteArray instanceId;
        qint64 maxBodyBytes = 1 << 20;
        // Told of every answered request: its route template (empty: no route matched), method,
        // status code and seconds from the parsed request to the answer.
        std::function<void(const QString &route, const QByteArray &method, int status, double seconds)> observer;
    };

    ApiServer(Options options, QObject *parent = nullptr);

    Router &router() { return m_router; }
    // The TCP server to bind(): its connections refuse requests over maxBodyBytes before they
    // are buffered (RequestGuard).
    QTcpServer *createTcpServer(QObject *parent = nullptr) const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Options m_options;
    Router m_router;
};

} // namespace wf::http
