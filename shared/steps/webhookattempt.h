#pragma once

#include "engine/stepattempt.h"

#include <QByteArray>
#include <QList>
#include <QPointer>

#include <optional>

class QNetworkReply;

namespace wf {

// Waits for one HTTP reply and turns it into the webhook step's output
// {"type":"webhook","status_code":…,"response_data":…} or an error naming the status.
class WebhookAttempt : public StepAttempt
{
    Q_OBJECT

public:
    // Text responses are kept up to this many bytes (cut at a UTF-8 character boundary).
    static constexpr qsizetype maxTextBytes = 65536;
    // Bodies up to this size are parsed as JSON and kept whole; longer ones are read but only
    // their start is kept, as text, so that a huge response cannot exhaust the worker's memory.
    static constexpr qsizetype maxBodyBytes = 1024 * 1024;

    // Watches `reply` (still owned by its QNetworkAccessManager; aborted if this attempt ends first).
    // acceptedStatuses empty means any 2xx. timeoutMs only words the error of a transfer timeout.
    // url and method (upper case) are repeated in the output, as the seed's webhook step does.
    WebhookAttempt(QNetworkReply *reply, QString url, QString method, QList<int> acceptedStatuses,
                   std::optional<qint64> timeoutMs, QObject *parent);
    ~WebhookAttempt() override;

    // response_data for a body: the parsed JSON when the whole body is JSON that can be stored
    // exactly, otherwise the text (U+0000 replaced) cut at maxTextBytes.
    static QJsonValue responseData(const QByteArray &body, bool complete);

protected:
    void stopWork() override;

private:
    void readBody();
    void onFinished();
    void dropReply();

    QPointer<QNetworkReply> m_reply;
    QString m_url;
    QString m_method;
    QList<int> m_accepted;
    std::optional<qint64> m_timeoutMs;
    QByteArray m_body;
    bool m_bodyComplete = true;
};

} // namespace wf
