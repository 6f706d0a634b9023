#pragma once

#include "httpconnection.h"

#include <QList>
#include <QObject>
#include <QQueue>
#include <QTimer>

#include <functional>

namespace wf::bench {

// At most `limit` connections to one server, kept alive and shared by the users of one thread,
// as aiohttp's TCPConnector(limit=…) shares them: a request takes an idle connection, opens a
// new one under the limit, or waits in line for one to come back.
class ConnectionPool : public QObject
{
    Q_OBJECT

public:
    ConnectionPool(QString host, quint16 port, int limit, int timeoutMs, QObject *parent = nullptr);

    // Sends `request` on a connection as soon as one is free; `done` runs with the answer.
    void send(QByteArray request, HttpConnection::Done done);
    int opened() const { return m_opened; }
    int peak() const { return m_peak; }

private:
    void release(HttpConnection *connection);
    void checkDeadlines();
    void dispatch(HttpConnection *connection, QByteArray request, HttpConnection::Done done);

    struct Waiting
    {
        QByteArray request;
        HttpConnection::Done done;
    };

    QString m_host;
    quint16 m_port;
    int m_limit;
    int m_timeoutMs;
    int m_open = 0;   // connections that exist now
    int m_opened = 0; // connections ever opened
    int m_peak = 0;
    QList<HttpConnection *> m_idle;
    QTimer m_deadlines;
    QQueue<Waiting> m_waiting;
};

} // namespace wf::bench
