#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QThread>

#include <atomic>

class QTcpServer;

namespace wf::test {

// A local HTTP endpoint for webhook steps, on its own thread: records every request and answers
// what the test configured for its path (status, body, delay).
class WebhookReceiver
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    struct Answer
    {
        int status = 200;
        QByteArray body = "{\"ok\":true}";
        int delayMs = 0;
        QByteArray location; // sent as Location (a redirect, with a 3xx status)
    };

    WebhookReceiver();
    ~WebhookReceiver();

    int port() const { return m_port; }
    QByteArray url(const QByteArray &path) const;
    void setAnswer(const QByteArray &path, const Answer &answer);

    QList<Request> requests() const;
    int count() const { return m_count.load(); }
    // Requests per Idempotency-Key header.
    QHash<QByteArray, int> keys() const;
    void clear();

private:
    friend class ReceiverWorker;
    QThread m_thread;
    QObject *m_worker = nullptr;
    int m_port = 0;
    mutable QMutex m_mutex;
    QList<Request> m_requests;
    QHash<QByteArray, Answer> m_answers;
    std::atomic<int> m_count{0};
};

} // namespace wf::test
