#pragma once

#include "httpresponse.h"

#include "core/result.h"

#include <QByteArray>
#include <QPointer>

#include <memory>

class QTcpSocket;

namespace wf::http {

class ConnectionSequencer;

// The promise to answer one request, cheap to copy into callbacks. The first send() wins; a
// reply sent after its client disconnected is dropped (the socket is gone: writing to it would
// be a use-after-free, notes/pitfalls.md). A reply dropped unsent answers 500, so that a bug
// cannot stall the connection's later responses.
class Reply
{
public:
    Reply(QTcpSocket *socket, QByteArray instanceId, bool closeAfter, bool headOnly);

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

private:
    struct State
    {
        State();
        ~State();
        QPointer<ConnectionSequencer> sequencer;
        quint64 ticket = 0;
        QByteArray instanceId;
        bool closeAfter = false;
        bool headOnly = false;
        bool sent = false;
    };
    std::shared_ptr<State> m_state;
};

} // namespace wf::http
