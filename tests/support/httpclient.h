#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QUrl>

namespace wf::test {

struct HttpResult
{
    int status = 0;              // 0 = no HTTP answer (connection failed, timeout)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString errorString;

    QJsonValue json() const;
    QJsonObject object() const { return json().toObject(); }
    QString detail() const { return object().value(QStringLiteral("detail")).toString(); }
};

// Blocking HTTP for tests (spins an event loop until the answer or the timeout).
class HttpClient
{
public:
    explicit HttpClient(QUrl base);

    HttpResult request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                       const QHash<QByteArray, QByteArray> &headers = {}, int timeoutMs = 15000);
    HttpResult get(const QString &path) { return request("GET", path); }
    HttpResult postJson(const QString &path, const QJsonValue &body, const QHash<QByteArray, QByteArray> &headers = {});
    HttpResult putJson(const QString &path, const QJsonValue &body);
    HttpResult del(const QString &path) { return request("DELETE", path); }

    QUrl base() const { return m_base; }
    // Sent as "Authorization: Bearer <key>" with every request that names no Authorization itself.
    void setKey(const QByteArray &key) { m_key = key; }

private:
    QUrl m_base;
    QByteArray m_key;
    QNetworkAccessManager m_network;
};

} // namespace wf::test
