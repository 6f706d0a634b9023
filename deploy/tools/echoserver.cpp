// wf-echo: a webhook receiver for trying workflows out. Answers every request with 200 and a
// JSON echo of it, and prints one line per request (method, path, Idempotency-Key, body).
//   wf-echo [--port 9000] [--status 200]
#include "core/json.h"

#include <QAbstractHttpServer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QMetaEnum>
#include <QTcpServer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

class EchoServer : public QAbstractHttpServer
{
public:
    explicit EchoServer(int status) : m_status(status) { }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        QJsonObject headers;
        QByteArray key;
        const auto pairs = request.headers();
        for (const auto &header : pairs) {
            headers.insert(QString::fromLatin1(header.first.toLower()), QString::fromUtf8(header.second));
            if (header.first.toLower() == "idempotency-key")
                key = header.second;
        }
        const QJsonValue body = wf::json::parse(request.body()).value_or(QJsonValue(QString::fromUtf8(request.body())));
        const QByteArray method = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method()));
        std::printf("%s %s key=%s body=%s\n", method.toUpper().constData(), qPrintable(request.url().path()),
                    key.isEmpty() ? "-" : key.constData(), request.body().left(500).constData());
        std::fflush(stdout);
        const QJsonObject echo{{u"received"_s, body}, {u"path"_s, request.url().path()}, {u"headers"_s, headers}};
        makeResponder(request, socket).write(wf::json::serialize(echo), "application/json",
                                             QHttpServerResponder::StatusCode(m_status));
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override { }

private:
    int m_status;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Answers every HTTP request with 200 and a JSON echo; prints each request."_s);
    parser.addHelpOption();
    const QCommandLineOption portOption(u"port"_s, u"Port on 127.0.0.1 (default 9000)."_s, u"port"_s, u"9000"_s);
    const QCommandLineOption statusOption(u"status"_s, u"Status to answer (default 200)."_s, u"code"_s, u"200"_s);
    parser.addOptions({portOption, statusOption});
    parser.process(app);
    EchoServer server(parser.value(statusOption).toInt());
    auto *tcp = new QTcpServer(&server);
    if (!tcp->listen(QHostAddress::LocalHost, quint16(parser.value(portOption).toInt()))) {
        std::fprintf(stderr, "wf-echo: %s\n", qPrintable(tcp->errorString()));
        return 1;
    }
    server.bind(tcp);
    std::printf("wf-echo listening on http://127.0.0.1:%d\n", tcp->serverPort());
    std::fflush(stdout);
    return app.exec();
}
