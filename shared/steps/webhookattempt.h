#pragma once

#include "engine/stepattempt.h"

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QPointer>

#include <optional>

class QNetworkReply;

namespace wf {

class HttpClientPool;

// One webhook call through the thread's HttpClientPool: the URL's address checked against the
// egress policy and pinned, the request sent, each redirect (at most 5) checked the same way and
// followed, the reply turned into the step's output
// {"type":"webhook","status_code":…,"response_data":…} or an error naming the status.
class WebhookAttempt : public StepAttempt
{
    Q_OBJECT

public:
    // Text responses are kept up to this many bytes (cut at a UTF-8 character boundary).
    static constexpr qsizetype maxTextBytes = 65536;
    // Bodies up to this size are parsed as JSON and kept whole; at this size the download stops
    // and only the start is kept, as text: a huge or endless response costs neither the worker's
    // memory nor the step's time.
    static constexpr qsizetype maxBodyBytes = 1024 * 1024;
    static constexpr int maxRedirects = 5;

    struct Call
    {
        QString url;             // as rendered: repeated in the output, as the seed's webhook step does
        QNetworkRequest request; // with that URL and every header
        QString method;          // upper case
        QByteArray body;
        bool hasBody = false;
        QList<int> acceptedStatuses; // empty: any 2xx
        std::optional<qint64> timeoutMs; // only words the error of a transfer timeout
    };

    WebhookAttempt(HttpClientPool &http, Call call, QObject *parent);
    ~WebhookAttempt() override;

    // response_data for a body: the parsed JSON when the whole body is JSON that can be stored
    // exactly, otherwise the text (U+0000 replaced) cut at maxTextBytes.
    static QJsonValue responseData(const QByteArray &body, bool complete);

protected:
    void stopWork() override;

private:
    void send(const QUrl &url);
    void readBody();
    void onFinished();
    void dropReply();
    // The next hop of a 3xx answer, or an error; nullopt when it is not a redirect to follow.
    std::optional<Result<QUrl>> redirectTarget(QNetworkReply *reply, int status);

    QPointer<HttpClientPool> m_http;
    Call m_call;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    bool m_bodyComplete = true;
    int m_redirects = 0;
};

} // namespace wf
