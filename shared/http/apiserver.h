#pragma once

#include "router.h"

#include <QAbstractHttpServer>

#include <functional>
#include <memory>

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
        // Runs before the router (authentication, rate limits): answers on `reply` itself, or
        // calls `proceed` with who the caller is (empty: anonymous), at once or later on this
        // server's thread, to let the request through. Unset: everything goes through.
        std::function<void(const HttpRequest &request, const Reply &reply, std::function<void(const QString &caller)> proceed)>
                admission;
    };

    ApiServer(Options options, QObject *parent = nullptr);

    Router &router() { return m_router; }
    void setAdmission(decltype(Options::admission) admission) { m_options.admission = std::move(admission); }
    // The TCP server to bind(): its connections refuse requests over maxBodyBytes before they
    // are buffered (RequestGuard).
    QTcpServer *createTcpServer(QObject *parent = nullptr) const;

    // What follows parsing: the body limit, the admission, the router, answering on `reply`.
    // `route`, when given, is set to the answering route's pattern (Router::dispatch). Called by
    // handleRequest; tests and the request fuzzer call it without a socket.
    void answer(HttpRequest request, const Reply &reply, std::shared_ptr<QString> route = {});

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Options m_options;
    Router m_router;
};

} // namespace wf::http
