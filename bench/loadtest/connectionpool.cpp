#include "connectionpool.h"

namespace wf::bench {

ConnectionPool::ConnectionPool(QString host, quint16 port, int limit, int timeoutMs, QObject *parent)
    : QObject(parent), m_host(std::move(host)), m_port(port), m_limit(qMax(1, limit)), m_timeoutMs(timeoutMs)
{
    connect(&m_deadlines, &QTimer::timeout, this, &ConnectionPool::checkDeadlines);
    m_deadlines.start(qBound(50, timeoutMs / 10, 250));
}

void ConnectionPool::checkDeadlines()
{
    const auto now = std::chrono::steady_clock::now();
    // Children are the connections; a failed one goes away later, not during this loop.
    for (HttpConnection *connection : findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly))
        connection->checkDeadline(now);
}

void ConnectionPool::send(QByteArray request, HttpConnection::Done done)
{
    while (!m_idle.isEmpty()) {
        HttpConnection *connection = m_idle.takeLast(); // the most recently used: warm
        if (connection->reusable()) {
            dispatch(connection, std::move(request), std::move(done));
            return;
        }
        --m_open;
        connection->deleteLater();
    }
    if (m_open < m_limit) {
        ++m_open;
        ++m_opened;
        m_peak = qMax(m_peak, m_open);
        dispatch(new HttpConnection(m_host, m_port, m_timeoutMs, this), std::move(request), std::move(done));
        return;
    }
    m_waiting.enqueue({std::move(request), std::move(done)});
}

void ConnectionPool::dispatch(HttpConnection *connection, QByteArray request, HttpConnection::Done done)
{
    connection->send(std::move(request), [this, connection, done = std::move(done)](const HttpConnection::Response &response) {
        release(connection);
        done(response);
    });
}

void ConnectionPool::release(HttpConnection *connection)
{
    if (!connection->reusable()) {
        --m_open;
        connection->deleteLater();
        if (!m_waiting.isEmpty()) {
            Waiting next = m_waiting.dequeue();
            send(std::move(next.request), std::move(next.done));
        }
        return;
    }
    if (!m_waiting.isEmpty()) {
        Waiting next = m_waiting.dequeue();
        dispatch(connection, std::move(next.request), std::move(next.done));
        return;
    }
    m_idle.append(connection);
}

} // namespace wf::bench
