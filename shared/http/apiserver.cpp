#include "apiserver.h"

#include "guardedtcpserver.h"

#include "core/error.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>

#include <memory>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace wf::http {

ApiServer::ApiServer(Options options, QObject *parent) : QAbstractHttpServer(parent), m_options(std::move(options)) { }

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpRequest parsed = HttpRequest::from(request);
    parsed.peerAddress = socket->peerAddress();
    const bool closeAfter = parsed.header("connection").toLower() == "close";
    const Reply reply = Reply::forSocket(socket, m_options.instanceId, closeAfter, parsed.method == "HEAD");
    // The route is known once the router matched it, which is before any answer can go out.
    const auto route = std::make_shared<QString>();
    if (m_options.observer) {
        QElapsedTimer clock;
        clock.start();
        reply.observe([observer = m_options.observer, route, method = parsed.method, clock](int status) {
            observer(*route, method, status, double(clock.nsecsElapsed()) / 1e9);
        });
    }
    answer(std::move(parsed), reply, route);
    return true;
}

void ApiServer::answer(HttpRequest request, const Reply &reply, std::shared_ptr<QString> route)
{
    // QtHttpServer buffers whole bodies; nginx stops large ones earlier, this catches direct clients.
    if (request.body.size() > m_options.maxBodyBytes) {
        reply.send(HttpResponse::error(
                {Error::Kind::TooLarge, u"request body is larger than the limit of %1 bytes"_s.arg(m_options.maxBodyBytes)}));
        return;
    }
    if (!m_options.admission) {
        m_router.dispatch(request, reply, route.get());
        return;
    }
    auto admitted = std::make_shared<HttpRequest>(std::move(request));
    m_options.admission(*admitted, reply, [this, admitted, reply, route](const QString &caller) {
        admitted->caller = caller;
        m_router.dispatch(*admitted, reply, route.get());
    });
}

QTcpServer *ApiServer::createTcpServer(QObject *parent) const
{
    return new GuardedTcpServer(m_options.maxBodyBytes, m_options.instanceId, parent);
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Not reached: handleRequest answers everything. Kept because QAbstractHttpServer requires it.
    Reply::forSocket(socket, m_options.instanceId, false, request.method() == QHttpServerRequest::Method::Head)
            .send(HttpResponse::error(404, u"Not Found"_s));
}

} // namespace wf::http
