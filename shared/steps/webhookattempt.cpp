#include "webhookattempt.h"

#include "core/json.h"
#include "workflow/validation.h"

#include <QJsonObject>
#include <QNetworkReply>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

// How much of a rejected response's body the error message quotes.
constexpr qsizetype errorBodyBytes = 200;

// The longest prefix of at most maxBytes that does not end inside a UTF-8 sequence.
QByteArray utf8Prefix(const QByteArray &text, qsizetype maxBytes)
{
    if (text.size() <= maxBytes)
        return text;
    qsizetype cut = maxBytes;
    // Back off over continuation bytes (10xxxxxx) so that the sequence they belong to is dropped whole.
    while (cut > 0 && (uchar(text.at(cut)) & 0xC0) == 0x80)
        --cut;
    return text.left(cut);
}

QString storableText(const QByteArray &utf8)
{
    QString text = QString::fromUtf8(utf8); // invalid sequences become U+FFFD
    // PostgreSQL's text and jsonb refuse U+0000.
    text.replace(QChar(u'\0'), QChar(QChar::ReplacementCharacter));
    return text;
}

bool isNetworkFailure(QNetworkReply::NetworkError error)
{
    // 1..99: connection and transport errors; 100..199: proxy errors. From 200 on Qt only reflects
    // the HTTP status, which is judged by the step's own rules instead.
    return error != QNetworkReply::NoError && int(error) < 200;
}

} // namespace

WebhookAttempt::WebhookAttempt(QNetworkReply *reply, QString url, QString method, QList<int> acceptedStatuses,
                               std::optional<qint64> timeoutMs, QObject *parent)
    : StepAttempt(parent), m_reply(reply), m_url(std::move(url)), m_method(std::move(method)),
      m_accepted(std::move(acceptedStatuses)), m_timeoutMs(timeoutMs)
{
    connect(reply, &QNetworkReply::readyRead, this, &WebhookAttempt::readBody);
    connect(reply, &QNetworkReply::finished, this, &WebhookAttempt::onFinished);
    // Qt reports from the event loop, but a reply may already be finished when handed over.
    if (reply->isFinished())
        QMetaObject::invokeMethod(this, &WebhookAttempt::onFinished, Qt::QueuedConnection);
}

WebhookAttempt::~WebhookAttempt()
{
    dropReply();
}

QJsonValue WebhookAttempt::responseData(const QByteArray &body, bool complete)
{
    if (complete && !body.isEmpty()) {
        if (const std::optional<QJsonValue> parsed = json::parse(body)) {
            if (json::storageProblem(*parsed, u"response_data"_s, 64).isEmpty())
                return *parsed;
        }
    }
    return storableText(utf8Prefix(body, maxTextBytes));
}

void WebhookAttempt::stopWork()
{
    dropReply();
}

void WebhookAttempt::readBody()
{
    if (!m_reply)
        return;
    const QByteArray chunk = m_reply->readAll();
    const qsizetype room = maxBodyBytes - m_body.size();
    if (chunk.size() > room) {
        m_body.append(chunk.constData(), std::max<qsizetype>(room, 0));
        m_bodyComplete = false;
    } else {
        m_body.append(chunk);
    }
}

void WebhookAttempt::onFinished()
{
    if (!m_reply)
        return;
    readBody();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    if (!statusAttribute.isValid() || isNetworkFailure(error)) {
        const bool timedOut = error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError;
        if (timedOut && m_timeoutMs)
            finish(Error::unavailable(u"timed out after "_s + QString::number(*m_timeoutMs) + u" ms"_s));
        else
            finish(Error::unavailable(reply->errorString()));
        return;
    }

    const int status = statusAttribute.toInt();
    const bool accepted = m_accepted.isEmpty() ? (status >= 200 && status <= 299) : m_accepted.contains(status);
    if (!accepted) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        QString message = u"HTTP "_s + QString::number(status);
        if (!reason.isEmpty())
            message += u' ' + reason;
        message += m_accepted.isEmpty() ? u" (expected 2xx)"_s : u" (not in expect_status)"_s;
        if (m_body.isEmpty()) {
            message += u", empty body"_s;
        } else {
            const QByteArray start = utf8Prefix(m_body, errorBodyBytes);
            message += u": "_s + validation::quote(storableText(start));
        }
        finish(Error::unavailable(message));
        return;
    }
    const QJsonObject output{
            {u"type"_s, u"webhook"_s},
            {u"status_code"_s, status},
            {u"response_data"_s, responseData(m_body, m_bodyComplete)},
            {u"url"_s, m_url},
            {u"method"_s, m_method},
    };
    finish(QJsonValue(output));
}

void WebhookAttempt::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    // abort() closes the connection, so a slow server stops being waited for at once.
    reply->abort();
    reply->deleteLater();
}

} // namespace wf
