#pragma once

#include "httpresponse.h"

#include "core/result.h"

#include <QByteArray>
#include <QPointer>

#include <functional>
#include <memory>

class QTcpSocket;

namespace wf::http {

class ReplySink;

// The promise to answer one request, cheap to copy into callbacks. The first send() wins; a
// reply sent after its connection went away is dropped (its sink is gone: writing to the socket
// would be a use-after-free). A reply dropped unsent answers 500, so that a bug cannot stall the
// connection's later responses.
class Reply
{
public:
    // Takes the next ticket of `sink`, the connection's order of answers.
    Reply(ReplySink *sink, QByteArray instanceId, bool closeAfter, bool headOnly);
    // The reply of a request read from `socket` (its ConnectionSequencer).
    static Reply forSocket(QTcpSocket *socket, QByteArray instanceId, bool closeAfter, bool headOnly);

    void send(const HttpResponse &response) const;
    // Requests of this process not answered yet (a graceful shutdown waits for zero).
    static int inFlight();
    // The error of a failed result as {"detail"}, else what `toResponse` makes of the value.
    template<typename T, typename ToResponse>
    void send(const Result<T> &result, ToResponse &&toResponse) const
    {
        if (!result.ok())
            send(HttpResponse::error(result.error()));
        else
            send(toResponse(result.value()));
    }
    bool sent() const { return m_state->sent; }

    // Called once with the status code when the answer goes out (also the 500 of a reply dropped
    // unsent). For metrics; set before the reply is handed on.
    void observe(std::function<void(int status)> observer) const;

private:
    struct State
    {
        State();
        ~State();
        QPointer<ReplySink> sink;
        quint64 ticket = 0;
        QByteArray instanceId;
        bool closeAfter = false;
        bool headOnly = false;
        bool sent = false;
        std::function<void(int)> observer;
    };
    std::shared_ptr<State> m_state;
};

} // namespace wf::http
