#include "reply.h"

#include "connectionsequencer.h"

#include "core/logging.h"

#include <QThread>

#include <atomic>

namespace wf::http {

Reply::Reply(ReplySink *sink, QByteArray instanceId, bool closeAfter, bool headOnly) : m_state(std::make_shared<State>())
{
    m_state->sink = sink;
    m_state->ticket = sink->take();
    m_state->instanceId = std::move(instanceId);
    m_state->closeAfter = closeAfter;
    m_state->headOnly = headOnly;
}

namespace {

std::atomic<int> g_inFlight{0};

} // namespace

Reply Reply::forSocket(QTcpSocket *socket, QByteArray instanceId, bool closeAfter, bool headOnly)
{
    return Reply(ConnectionSequencer::of(socket), std::move(instanceId), closeAfter, headOnly);
}

void Reply::observe(std::function<void(int status)> observer) const
{
    m_state->observer = std::move(observer);
}

int Reply::inFlight()
{
    return g_inFlight.load();
}

Reply::State::State()
{
    ++g_inFlight;
}

Reply::State::~State()
{
    if (!sent)
        --g_inFlight;
    // Only on the connection's own thread: elsewhere the sink must not be touched.
    if (sent || !sink || sink->thread() != QThread::currentThread())
        return;
    qCCritical(lcHttp) << "a request was left unanswered";
    HttpResponse response = HttpResponse::error(500, QStringLiteral("the request was not answered"));
    if (observer)
        observer(response.status);
    sink->complete(ticket, response.serialize(instanceId, !headOnly), closeAfter);
}

void Reply::send(const HttpResponse &response) const
{
    if (m_state->sent)
        return;
    m_state->sent = true;
    --g_inFlight;
    if (m_state->observer)
        m_state->observer(response.status);
    if (!m_state->sink)
        return;
    HttpResponse out = response;
    if (m_state->closeAfter)
        out.withHeader("Connection", "close");
    m_state->sink->complete(m_state->ticket, out.serialize(m_state->instanceId, !m_state->headOnly), m_state->closeAfter);
}

} // namespace wf::http
