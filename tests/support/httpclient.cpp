#include "httpclient.h"

#include "core/json.h"

#include <QBuffer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace wf::test {

QJsonValue HttpResult::json() const
{
    return wf::json::parse(body).value_or(QJsonValue(QJsonValue::Undefined));
}

HttpClient::HttpClient(QUrl base) : m_base(std::move(base)) { }

HttpResult HttpClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                               const QHash<QByteArray, QByteArray> &headers, int timeoutMs)
{
    QUrl url = m_base;
    const qsizetype question = path.indexOf(u'?');
    url.setPath(question < 0 ? path : path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    if (!m_key.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_key);
    for (auto it = headers.begin(); it != headers.end(); ++it)
        request.setRawHeader(it.key(), it.value());
    request.setTransferTimeout(timeoutMs);
    auto *buffer = new QBuffer;
    buffer->setData(body);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, buffer);
    buffer->setParent(reply);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &pair : pairs)
        result.headers.insert(pair.first.toLower(), pair.second);
    if (reply->error() != QNetworkReply::NoError && result.status == 0)
        result.errorString = reply->errorString();
    reply->deleteLater();
    return result;
}

HttpResult HttpClient::postJson(const QString &path, const QJsonValue &body, const QHash<QByteArray, QByteArray> &headers)
{
    QHash<QByteArray, QByteArray> all = headers;
    all.insert("Content-Type", "application/json");
    return request("POST", path, wf::json::serialize(body), all);
}

HttpResult HttpClient::putJson(const QString &path, const QJsonValue &body)
{
    return request("PUT", path, wf::json::serialize(body), {{"Content-Type", "application/json"}});
}

} // namespace wf::test
