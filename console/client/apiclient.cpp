#include "apiclient.h"

#include <QElapsedTimer>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>

using namespace Qt::StringLiterals;

namespace wf::console {

ApiClient::ApiClient(QUrl baseUrl, QObject *parent)
    : QObject(parent), m_baseUrl(std::move(baseUrl)), m_network(new QNetworkAccessManager(this))
{
    // Never through a proxy from the environment: the console talks to the URL it was given.
    m_network->setProxy(QNetworkProxy::NoProxy);
}

ApiClient::~ApiClient() = default;

QUrl ApiClient::resolve(const QString &pathAndQuery) const
{
    QString base = m_baseUrl.toString(QUrl::StripTrailingSlash);
    return QUrl(base + pathAndQuery);
}

void ApiClient::get(const QString &pathAndQuery, QObject *context, Callback done)
{
    send("GET", pathAndQuery, {}, context, std::move(done));
}

void ApiClient::post(const QString &pathAndQuery, const QJsonDocument &body, QObject *context, Callback done)
{
    send("POST", pathAndQuery, body.toJson(QJsonDocument::Compact), context, std::move(done));
}

void ApiClient::post(const QString &pathAndQuery, const QJsonDocument &body, const Headers &headers, QObject *context,
                     Callback done)
{
    send("POST", pathAndQuery, body.toJson(QJsonDocument::Compact), context, std::move(done), headers);
}

void ApiClient::put(const QString &pathAndQuery, const QJsonDocument &body, QObject *context, Callback done)
{
    send("PUT", pathAndQuery, body.toJson(QJsonDocument::Compact), context, std::move(done));
}

void ApiClient::remove(const QString &pathAndQuery, QObject *context, Callback done)
{
    send("DELETE", pathAndQuery, {}, context, std::move(done));
}

void ApiClient::send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body, QObject *context,
                     Callback done, const Headers &headers)
{
    QNetworkRequest request(resolve(pathAndQuery));
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "wf-console");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    if (!body.isEmpty() || verb == "POST" || verb == "PUT")
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    ++m_inFlight;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(reply, &QNetworkReply::finished, this, [this, reply, clock, guard, hasContext, done = std::move(done)] {
        reply->deleteLater();
        --m_inFlight;
        ApiResponse response;
        response.elapsedMs = clock->elapsed();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid()) {
            response.outcome = ApiResponse::Outcome::Answered;
            response.status = status.toInt();
            const QByteArray data = reply->readAll();
            QJsonParseError error{};
            response.body = QJsonDocument::fromJson(data, &error);
            // A 2xx must be JSON (204 has no body); an error status may come from a proxy.
            if (response.status >= 200 && response.status < 300 && response.status != 204 && error.error != QJsonParseError::NoError)
                response.outcome = ApiResponse::Outcome::Malformed;
        } else if (reply->error() == QNetworkReply::OperationCanceledError || reply->error() == QNetworkReply::TimeoutError) {
            response.outcome = ApiResponse::Outcome::Timeout;
        } else {
            response.outcome = ApiResponse::Outcome::Network;
            response.networkError = reply->errorString();
        }
        Q_EMIT answered(response);
        if (done && (!hasContext || guard))
            done(response);
    });
}

} // namespace wf::console
