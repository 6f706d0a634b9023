#include "webhookattempt.h"

#include "core/json.h"
#include "engine/httpclientpool.h"
#include "workflow/validation.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
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

WebhookAttempt::WebhookAttempt(HttpClientPool &http, Call call, QObject *parent)
    : StepAttempt(parent), m_http(&http), m_call(std::move(call))
{
    // Answers come from the event loop, never from inside the constructor.
    QMetaObject::invokeMethod(this, [this] { send(m_call.request.url()); }, Qt::QueuedConnection);
}

WebhookAttempt::~WebhookAttempt()
{
    dropReply();
}

void WebhookAttempt::send(const QUrl &url)
{
    if (!m_http)
        return finish(Error::internal(u"no HTTP client for webhook steps"_s));
    m_http->pin(url, this, [this](Result<PinnedUrl> pinned) {
        if (isDone())
            return; // cancelled or timed out while the name was resolved
        if (!pinned)
            return finish(pinned.error());
        if (!m_http)
            return finish(Error::internal(u"no HTTP client for webhook steps"_s));
        QNetworkRequest request = m_call.request;
        request.setUrl(pinned->url);
        request.setRawHeader("Host", pinned->host);
        request.setPeerVerifyName(pinned->verifyName);
        QNetworkAccessManager *manager = m_http->next();
        const QString &method = m_call.method;
        QNetworkReply *reply = nullptr;
        if (method == u"HEAD"_s)
            reply = manager->head(request); // a custom "HEAD" would wait for a body that never comes
        else if (m_call.hasBody)
            reply = manager->sendCustomRequest(request, method.toLatin1(), m_call.body);
        else if (method == u"GET"_s)
            reply = manager->get(request);
        else if (method == u"DELETE"_s)
            reply = manager->deleteResource(request);
        else
            reply = manager->sendCustomRequest(request, method.toLatin1(), QByteArray()); // Content-Length: 0
        m_reply = reply;
        m_body.clear();
        m_bodyComplete = true;
        connect(reply, &QNetworkReply::readyRead, this, &WebhookAttempt::readBody);
        connect(reply, &QNetworkReply::finished, this, &WebhookAttempt::onFinished);
    });
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
    if (!m_reply || !m_bodyComplete)
        return;
    const QByteArray chunk = m_reply->readAll();
    const qsizetype room = maxBodyBytes - m_body.size();
    if (chunk.size() <= room) {
        m_body.append(chunk);
        return;
    }
    m_body.append(chunk.constData(), std::max<qsizetype>(room, 0));
    m_bodyComplete = false;
    // Enough: the rest is not waited for (abort() reports finished, judged on what came).
    QMetaObject::invokeMethod(m_reply.data(), &QNetworkReply::abort, Qt::QueuedConnection);
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
    const bool cutShort = !m_bodyComplete; // we stopped the download: what it reports then is ours
    if (!statusAttribute.isValid() || (isNetworkFailure(error) && !cutShort)) {
        const bool timedOut = error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError;
        if (timedOut && m_call.timeoutMs)
            finish(Error::unavailable(u"timed out after "_s + QString::number(*m_call.timeoutMs) + u" ms"_s));
        else
            finish(Error::unavailable(reply->errorString()));
        return;
    }

    const int status = statusAttribute.toInt();
    if (const std::optional<Result<QUrl>> next = redirectTarget(reply, status)) {
        if (!*next)
            return finish(next->error());
        ++m_redirects;
        send(**next);
        return;
    }
    const bool accepted = m_call.acceptedStatuses.isEmpty() ? (status >= 200 && status <= 299) : m_call.acceptedStatuses.contains(status);
    if (!accepted) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        QString message = u"HTTP "_s + QString::number(status);
        if (!reason.isEmpty())
            message += u' ' + reason;
        message += m_call.acceptedStatuses.isEmpty() ? u" (expected 2xx)"_s : u" (not in expect_status)"_s;
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
            {u"url"_s, m_call.url},
            {u"method"_s, m_call.method},
    };
    finish(QJsonValue(output));
}

std::optional<Result<QUrl>> WebhookAttempt::redirectTarget(QNetworkReply *reply, int status)
{
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308)
        return std::nullopt;
    if (!m_call.acceptedStatuses.isEmpty() && m_call.acceptedStatuses.contains(status))
        return std::nullopt; // the workflow wants the redirect itself
    const QByteArray location = reply->rawHeader("Location");
    if (location.isEmpty())
        return std::nullopt;
    if (m_redirects >= maxRedirects)
        return Result<QUrl>(Error::unavailable(u"more than %1 redirects"_s.arg(maxRedirects)));
    // Relative to the URL as the client named it, not to the pinned address.
    const QUrl current = m_call.request.url();
    const QUrl next = current.resolved(QUrl::fromEncoded(location, QUrl::StrictMode));
    const QString scheme = next.scheme().toLower();
    if (!next.isValid() || next.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s))
        return Result<QUrl>(Error::unavailable(u"redirect to an unusable location %1"_s.arg(validation::quote(QString::fromLatin1(location.left(200))))));
    if (current.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 && scheme == u"http"_s)
        return Result<QUrl>(Error::unavailable(u"redirect from https to http refused: "_s + next.toString()));
    // 303, and 301/302 after anything but GET/HEAD, become a GET without body (what clients do).
    if (status == 303 || ((status == 301 || status == 302) && m_call.method != u"GET"_s && m_call.method != u"HEAD"_s)) {
        if (m_call.method != u"HEAD"_s)
            m_call.method = u"GET"_s;
        m_call.hasBody = false;
        m_call.body.clear();
        m_call.request.setHeader(QNetworkRequest::ContentTypeHeader, QVariant());
    }
    // Credentials meant for one host do not travel to another.
    if (next.host().compare(current.host(), Qt::CaseInsensitive) != 0 || next.port() != current.port()) {
        m_call.request.setRawHeader("Authorization", QByteArray());
        m_call.request.setRawHeader("Cookie", QByteArray());
    }
    m_call.request.setUrl(next);
    return Result<QUrl>(next);
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
