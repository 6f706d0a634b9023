#pragma once

#include "apiresponse.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace wf::console {

// The console's only way to the platform: its REST API, like any other client. Every request
// has a timeout (the view says "stale" instead of hanging) and carries the operator key as a
// Bearer token. The callback runs exactly once, on the client's thread, unless `context` was
// destroyed first.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const ApiResponse &)>;

    explicit ApiClient(QUrl baseUrl, QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QByteArray &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }

    // `pathAndQuery` is relative to the base URL, e.g. "/api/v1/admin/stats".
    void get(const QString &pathAndQuery, QObject *context, Callback done);
    void post(const QString &pathAndQuery, const QJsonDocument &body, QObject *context, Callback done);
    // With request headers of its own (Idempotency-Key on a trigger).
    using Headers = QList<std::pair<QByteArray, QByteArray>>;
    void post(const QString &pathAndQuery, const QJsonDocument &body, const Headers &headers, QObject *context, Callback done);
    void put(const QString &pathAndQuery, const QJsonDocument &body, QObject *context, Callback done);
    void remove(const QString &pathAndQuery, QObject *context, Callback done);

    // Requests sent and not answered yet.
    int inFlight() const { return m_inFlight; }

Q_SIGNALS:
    // Every answer, for the status bar (the connection state follows the last one).
    void answered(const wf::console::ApiResponse &response);

private:
    void send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body, QObject *context, Callback done,
              const Headers &headers = {});
    QUrl resolve(const QString &pathAndQuery) const;

    QUrl m_baseUrl;
    QByteArray m_token;
    int m_timeoutMs = 5000;
    int m_inFlight = 0;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace wf::console
