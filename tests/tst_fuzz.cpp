// A randomised robustness test of the REST API: thousands of mutated requests against a real
// wf-server behind PgBouncer. Whatever a client sends, the answer is a well-formed HTTP response
// (never a 5xx, a crash or a hang), every 4xx carries a JSON {"detail"}, and the database holds
// exactly what the 2xx answers promised: no half-written row.
//
// Reproduce a failure with the seed it prints: WF_FUZZ_SEED=<seed> WF_FUZZ_ITERATIONS=<n>
// (WF_FUZZ_CONCURRENCY=1, default 4, sends one request at a time). The mutations a seed makes are
// fixed, but the ids the server hands out differ per run and so do mutations that land on them:
// every failing request is also written, byte for byte, to $TMPDIR/wf-fuzz-<seed>/.
#include "examples.h"
#include "serverprocess.h"
#include "testcluster.h"

#include "core/json.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

// Declared before the helpers and test data: moc must see the class whatever the code below holds.
class TestFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void randomisedRequests();
    void nastyBodies_data();
    void nastyBodies();
    void idempotencyKeysAreNotConflated();
    void acceptedValuesStayListable();
    void serverLoggedNoErrors();

private:
    struct Counts
    {
        qint64 definitions = 0;
        qint64 versions = 0;
        qint64 runs = 0;
        qint64 outbox = 0;
        qint64 deleted = 0;
        QString error; // a count the database did not give
    };
    Counts counts() const;
    QString createWorkflow(const QByteArray &definition);

    wf::test::TestCluster m_cluster;
    wf::test::ServerProcess m_server;      // the default 1 MiB body limit
    wf::test::ServerProcess m_smallServer; // WF_HTTP_MAX_BODY_BYTES=65536, for the boundary cases
    QString m_mainId;                      // the workflow triggers aim at
    QString m_updateId;                    // the workflow PUTs aim at
    QStringList m_victimIds;               // workflows the fuzzer may delete
};

namespace {

// ----------------------------------------------------------------------------------------------
// HTTP/1.1 over plain sockets. QNetworkAccessManager cannot send a body without a Content-Type
// (it invents one), nor arbitrary methods, and it hides what went over the wire.

struct Request
{
    QString kind; // what the fuzzer meant to exercise (for the summary)
    QByteArray method;
    QByteArray target; // path and query, as sent
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;   // as meant, before any chunked framing
    bool chunked = false;
    QList<int> chunkSizes;

    QByteArray wire() const
    {
        QByteArray out;
        out.reserve(body.size() + 256);
        out += method;
        out += ' ';
        out += target;
        out += " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        for (const auto &header : headers) {
            out += header.first;
            out += ": ";
            out += header.second;
            out += "\r\n";
        }
        if (chunked) {
            out += "Transfer-Encoding: chunked\r\n\r\n";
            qsizetype at = 0;
            for (int size : chunkSizes) {
                if (at >= body.size())
                    break;
                const QByteArray piece = body.mid(at, size);
                out += QByteArray::number(piece.size(), 16);
                out += "\r\n";
                out += piece;
                out += "\r\n";
                at += piece.size();
            }
            if (at < body.size()) {
                out += QByteArray::number(body.size() - at, 16);
                out += "\r\n";
                out += body.mid(at);
                out += "\r\n";
            }
            out += "0\r\n\r\n";
        } else {
            if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH") {
                out += "Content-Length: ";
                out += QByteArray::number(body.size());
                out += "\r\n";
            }
            out += "\r\n";
            out += body;
        }
        return out;
    }
};

struct Response
{
    int status = 0; // 0 = no complete HTTP answer
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString error;

    QJsonValue json() const { return wf::json::parse(body).value_or(QJsonValue(QJsonValue::Undefined)); }
};

// One keep-alive connection with at most one request in flight.
class Connection : public QObject
{
public:
    Connection(quint16 port, int timeoutMs) : m_port(port)
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(timeoutMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            Response response;
            response.error = u"no complete answer within %1 ms (%2 bytes received)"_s.arg(m_timer.interval()).arg(m_buffer.size());
            finish(response, true);
        });
        connect(&m_socket, &QTcpSocket::connected, this, [this] { m_socket.write(m_wire); });
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] {
            m_buffer += m_socket.readAll();
            tryComplete(false);
        });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] { onClosed(); });
        connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError)
                onClosed();
        });
    }

    void send(const Request &request, std::function<void(const Response &)> done)
    {
        m_done = std::move(done);
        m_wire = request.wire();
        m_head = request.method == "HEAD";
        m_retried = false;
        start();
    }

private:
    void start()
    {
        m_buffer.clear();
        m_busy = true;
        m_timer.start();
        if (m_socket.state() == QAbstractSocket::ConnectedState) {
            m_reused = true;
            m_socket.write(m_wire);
        } else {
            m_reused = false;
            m_socket.abort();
            m_socket.connectToHost(QHostAddress::LocalHost, m_port);
        }
    }

    void onClosed()
    {
        if (!m_busy)
            return;
        m_buffer += m_socket.readAll();
        // The server may close an idle keep-alive connection just as a request goes out: that
        // request never reached it, so it is sent once more on a fresh connection.
        if (m_buffer.isEmpty() && m_reused && !m_retried) {
            m_retried = true;
            m_busy = false;
            QTimer::singleShot(0, this, [this] { start(); });
            return;
        }
        if (!tryComplete(true)) {
            Response response;
            response.error = u"connection closed before a complete answer (%1 bytes received: %2)"_s.arg(m_buffer.size())
                                     .arg(QString::fromLatin1(m_buffer.left(200).toPercentEncoding(" {}\":,/")));
            finish(response, true);
        }
    }

    // True when a whole response is in the buffer (and was delivered).
    bool tryComplete(bool closed)
    {
        if (!m_busy)
            return true;
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        Response response;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        if (statusLine.size() < 2 || !statusLine.at(0).startsWith("HTTP/1.")) {
            response.error = u"malformed status line: "_s + QString::fromLatin1(lines.value(0).left(100));
            finish(response, true);
            return true;
        }
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                response.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const int status = statusLine.at(1).toInt();
        qsizetype length = 0;
        bool untilClose = false;
        if (!m_head && status != 204 && status != 304 && status >= 200) {
            if (response.headers.contains("content-length"))
                length = response.headers.value("content-length").toLongLong();
            else
                untilClose = true;
        }
        const qsizetype available = m_buffer.size() - end - 4;
        if (untilClose ? !closed : available < length)
            return false;
        response.status = status;
        response.body = m_buffer.mid(end + 4, untilClose ? -1 : length);
        const bool close = closed || untilClose || response.headers.value("connection").toLower() == "close";
        finish(response, close);
        return true;
    }

    void finish(const Response &response, bool close)
    {
        if (!m_busy)
            return;
        m_busy = false;
        m_timer.stop();
        if (close)
            m_socket.abort();
        auto done = std::move(m_done);
        m_done = nullptr;
        done(response);
    }

    quint16 m_port;
    QTcpSocket m_socket;
    QTimer m_timer;
    QByteArray m_wire;
    QByteArray m_buffer;
    std::function<void(const Response &)> m_done;
    bool m_head = false;
    bool m_busy = false;
    bool m_reused = false;
    bool m_retried = false;
};

// Sends requests over `concurrency` connections; `check` sees each answer as it arrives.
void sendAll(quint16 port, const QList<Request> &requests, int concurrency,
             const std::function<void(qsizetype, const Response &)> &check)
{
    std::vector<std::unique_ptr<Connection>> connections;
    qsizetype next = 0;
    qsizetype outstanding = 0;
    QEventLoop loop;
    std::function<void(Connection *)> pump = [&](Connection *connection) {
        if (next >= requests.size()) {
            if (outstanding == 0)
                loop.quit();
            return;
        }
        const qsizetype index = next++;
        ++outstanding;
        connection->send(requests.at(index), [&, connection, index](const Response &response) {
            --outstanding;
            check(index, response);
            // Queued: the connection finishes its own bookkeeping before it sends again.
            QTimer::singleShot(0, connection, [&, connection] { pump(connection); });
        });
    };
    for (int i = 0; i < qMax(1, concurrency); ++i)
        connections.push_back(std::make_unique<Connection>(port, 20000));
    for (auto &connection : connections)
        pump(connection.get());
    if (outstanding > 0)
        loop.exec();
}

Response sendOne(quint16 port, const Request &request)
{
    Response out;
    sendAll(port, {request}, 1, [&out](qsizetype, const Response &response) { out = response; });
    return out;
}

// Bytes as a C-like literal, cut to `max` bytes: request bodies in failure reports.
QByteArray printable(const QByteArray &bytes, qsizetype max = 800)
{
    QByteArray out;
    for (qsizetype i = 0; i < bytes.size() && i < max; ++i) {
        const uchar c = uchar(bytes.at(i));
        if (c == '\\')
            out += "\\\\";
        else if (c >= 0x20 && c < 0x7f)
            out += char(c);
        else if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else
            out += "\\x" + QByteArray::number(c, 16).rightJustified(2, '0');
    }
    if (bytes.size() > max)
        out += "… (" + QByteArray::number(bytes.size()) + " bytes in all)";
    return out;
}

// Text with everything outside printable ASCII as \uXXXX: shows NULs and lone surrogates.
QString printableText(const QString &text, qsizetype max = 80)
{
    QString out;
    for (qsizetype i = 0; i < text.size() && i < max; ++i) {
        const QChar c = text.at(i);
        if (c.unicode() >= 0x20 && c.unicode() < 0x7f)
            out += c;
        else
            out += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
    }
    if (text.size() > max)
        out += u"…"_s;
    return out;
}

QJsonValue parseJson(const QByteArray &text)
{
    const std::optional<QJsonValue> value = wf::json::parse(text);
    if (!value)
        qFatal("test data is not JSON: %s", text.constData());
    return *value;
}

bool isHexId(const QString &id)
{
    static const QRegularExpression pattern(u"^[0-9a-f]{32}$"_s);
    return pattern.match(id).hasMatch();
}

// ----------------------------------------------------------------------------------------------
// Seeds: valid requests the mutators start from.

// Every step type, templates of every kind, retry and timeout_ms.
const QByteArray allStepTypes = R"({"id": "fuzz_all_types", "name": "All step types", "description": "every step type",
 "steps": [
  {"name": "wait", "type": "delay", "config": {"duration": 0.5}, "timeout_ms": 5000},
  {"name": "shape", "type": "transform",
   "config": {"output": {"user": "${payload.user_id}", "items": ["${payload.items.0}", "$${literal}"], "run": "${run.id}"}}},
  {"name": "check", "type": "condition",
   "config": {"left": "${steps.shape.output.user}", "op": "eq", "right": "u1", "skip": ["notify"]}},
  {"name": "notify", "type": "webhook",
   "config": {"url": "http://127.0.0.1:9/hook/${payload.user_id}", "method": "POST",
              "headers": {"Content-Type": "application/json", "X-Run": "${run.id}"},
              "body": {"user": "${payload.user_id}", "prev": "${steps.wait.output.duration}"},
              "expect_status": [200, 202]},
   "retry": {"max_attempts": 3, "initial_backoff_ms": 200, "multiplier": 2.0, "max_backoff_ms": 5000},
   "timeout_ms": 10000},
  {"name": "done", "type": "log", "config": {"message": "user ${payload.user_id} done in run ${run.id}: ${steps.check.output}"}}
 ]})";

// The example of architecture.md, as the seed's clients send it.
const QByteArray architectureExample = wf::test::architectureExample();

const QByteArray templatesEverywhere = R"({"id": "fuzz_templates", "name": "Templates ü€", "description": null,
 "steps": [
  {"name": "a", "type": "log", "config": {"message": "costs $5 and $$ for ${payload.user}"}},
  {"name": "pause", "type": "delay", "config": {"duration": "${payload.seconds}"}, "retry": {"max_attempts": 2}},
  {"name": "gate", "type": "condition", "config": {"left": "${payload.flag}", "op": "exists", "skip": ["call"]}},
  {"name": "call", "type": "webhook",
   "config": {"url": "${payload.callback}", "method": "put", "body": [1, {"a": "${steps.a.status}"}], "expect_status": 204},
   "timeout_ms": 1000},
  {"name": "out", "type": "transform", "config": {"output": null}}
 ]})";

const QByteArray minimalDefinition = R"({"id": "min", "name": "Minimal", "steps": []})";

const QByteArray conditionHeavy = R"({"id": "cond", "name": "Conditions", "description": "ops",
 "steps": [
  {"name": "c1", "type": "condition", "config": {"left": 1, "op": "lt", "right": 2, "skip": ["l2", "l3"]}},
  {"name": "l2", "type": "log", "config": {"message": "${payload.a.b}"}},
  {"name": "l3", "type": "transform", "config": {"output": {"copy": "${steps.c1.output}", "n": [1, 2.5, -3, true, null]}}},
  {"name": "c2", "type": "condition", "config": {"left": "${steps.l3.output.n}", "op": "contains", "right": 1}},
  {"name": "d", "type": "delay", "config": {"duration": 0}, "retry": {"initial_backoff_ms": 9000}, "timeout_ms": 1}
 ]})";

// ----------------------------------------------------------------------------------------------
// The fuzzer: seeded, so that a seed names one exact sequence of requests.

class Fuzzer
{
public:
    struct Targets
    {
        QString mainId;
        QString updateId;
        QStringList victimIds;
    };

    Fuzzer(quint32 seed, Targets targets) : m_rng(seed), m_targets(std::move(targets))
    {
        for (const QByteArray &text : {allStepTypes, architectureExample, templatesEverywhere, minimalDefinition, conditionHeavy})
            m_definitions.append(parseJson(text));
        const QString id = m_targets.mainId;
        QString dashed = id;
        dashed.insert(20, u'-').insert(16, u'-').insert(12, u'-').insert(8, u'-');
        m_triggers = {
            QJsonObject{{u"workflow_id"_s, id},
                        {u"payload"_s, QJsonObject{{u"user_id"_s, u"u1"_s}, {u"items"_s, QJsonArray{1, 2, 3}},
                                                   {u"seconds"_s, 1}, {u"flag"_s, true},
                                                   {u"nested"_s, QJsonObject{{u"a"_s, QJsonObject{{u"b"_s, QJsonArray{true, QJsonValue(), 1.5}}}}}}}}},
            QJsonObject{{u"workflow_id"_s, id}},
            QJsonObject{{u"workflow_id"_s, id}, {u"payload"_s, QJsonObject{}}},
            QJsonObject{{u"workflow_id"_s, id}, {u"payload"_s, QJsonValue()}},
            QJsonObject{{u"workflow_id"_s, dashed}, {u"payload"_s, QJsonObject{{u"x"_s, u"y"_s}}}},
            QJsonObject{{u"workflow_id"_s, id.toUpper()}, {u"payload"_s, QJsonObject{{u"unicode"_s, u"ü€𝄞 \t\""_s}, {u"big"_s, 1e300}}}},
        };
        for (int i = 0; i < 8; ++i)
            m_keyPool.append("fuzz-key-" + QByteArray::number(m_rng.generate() % 100000));
    }

    Request next()
    {
        const int roll = int(m_rng.bounded(100));
        if (roll < 25)
            return create();
        if (roll < 37)
            return update();
        if (roll < 70)
            return trigger();
        if (roll < 85)
            return list();
        if (roll < 89)
            return remove();
        return otherMethod();
    }

private:
    // --- randomness helpers
    int below(int n) { return n <= 0 ? 0 : int(m_rng.bounded(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template<typename T>
    const T &pick(const QList<T> &list) { return list.at(below(int(list.size()))); }

    QString randomHexId()
    {
        QString id;
        for (int i = 0; i < 32; ++i)
            id += QChar(u"0123456789abcdef"[below(16)]);
        return id;
    }

    QByteArray randomBytes(int count)
    {
        QByteArray bytes(count, Qt::Uninitialized);
        for (int i = 0; i < count; ++i)
            bytes[i] = char(below(256));
        return bytes;
    }

    QString randomUnicode(int count)
    {
        static const QList<char16_t> alphabet = {u'a', u'Z', u'0', u' ', u'"', u'\\', u'/', u'$', u'{', u'}', u'.',
                                                 0x00e9, 0x20ac, 0x202e, 0x200b, 0xfeff, 0xfffd, 0x4e2d, u'\t', u'\n', 0x7f};
        QString text;
        for (int i = 0; i < count; ++i) {
            if (chance(5))
                text += QString::fromUcs4(U"𝄞😀");
            else
                text += QChar(pick(alphabet));
        }
        return text;
    }

    // --- JSON values that have broken servers before. Tokens JSON cannot carry as values
    // (NaN, 1e400, 5000 levels of nesting, raw escapes) are spliced in after serialization.
    QString raw(const QByteArray &token)
    {
        const QString marker = QChar(1) + u"RAW"_s + QString::number(m_raws.size()) + QChar(1);
        m_raws.append({wf::json::serialize(QJsonValue(marker)), token});
        return marker;
    }

    static QByteArray nested(int depth, const QByteArray &open, const QByteArray &inner, const QByteArray &close)
    {
        return open.repeated(depth) + inner + close.repeated(depth);
    }

    QJsonValue deepValue()
    {
        static const QList<int> depths = {10, 100, 511, 1000, 1023, 1024, 1025, 2000, 5000};
        const int depth = pick(depths);
        switch (below(3)) {
        case 0:
            return raw(nested(depth, "[", "", "]"));
        case 1:
            return raw(nested(depth, "{\"a\":", "1", "}"));
        default:
            return raw(nested(depth, "[{\"k\":", "null", "}]"));
        }
    }

    QString templateString()
    {
        static const QStringList templates = {
            u"${"_s, u"${payload."_s, u"${steps.x.output}"_s, u"$${x}"_s, u"${}"_s, u"${payload}"_s, u"${run.id}"_s,
            u"${run}"_s, u"${run.nope}"_s, u"${steps.}"_s, u"${steps..output}"_s, u"${steps.wait.output.duration}"_s,
            u"${steps.done.output}"_s, u"${payload.${payload.x}}"_s, u"${payload.a}${payload.b}"_s, u"$"_s, u"$$"_s,
            u"$$$"_s, u"}"_s, u"${payload.a.0.b.-1}"_s, u"${ payload.a }"_s, u"${payload..a}"_s, u"${env.HOME}"_s,
            u"${steps.shape.output.user.x.y.z}"_s, u"${{payload}}"_s, u"${payload.\u00fc}"_s, u"${payload.a"_s,
            u"prefix ${payload.a} suffix ${"_s, u"${payload.a\u0000}"_s, u"${steps.wait}"_s,
        };
        QString text = pick(templates);
        if (chance(20))
            text = text.repeated(1 + below(200));
        return text;
    }

    QJsonValue nastyValue(const QJsonValue &root)
    {
        switch (below(28)) {
        case 0: return QJsonValue();
        case 1: return chance(50);
        case 2: return 0;
        case 3: return -1;
        case 4: return 1.5;
        case 5: return 1e308;
        case 6: return -1e308;
        case 7: return double(1LL << 53) + (chance(50) ? 2 : 0);
        case 8: return raw(pick(QList<QByteArray>{"NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e-400",
                                                   "123456789012345678901234567890", "-0", "0.0000000000000000000001",
                                                   "9223372036854775808", "-9223372036854775809", "1E+2", "01", "+1",
                                                   ".5", "5.", "0x10", "1_000"}));
        case 9: return QString(below(3) == 0 ? 70000 : 300 + below(3000), QChar(u'x'));
        case 10: return randomUnicode(1 + below(40));
        case 11: return QString(u"a"_s + QChar(0) + u"b"_s);
        case 12: return QString(QChar(0));
        case 13: return raw(pick(QList<QByteArray>{"\"\\ud800\"", "\"\\udc00\"", "\"x\\ud800y\"", "\"\\udbff\\udbff\"",
                                                   "\"\\ud800\\u0041\"", "\"\\u0000\"", "\"\\u00\"", "\"\\x41\"",
                                                   "\"\\\"", "\"\\/\"", "\"\xed\xa0\x80\"", "\"\xc0\xaf\"",
                                                   "\"\xff\xfe\"", "\"\xf4\x90\x80\x80\"", "\"a\tb\"", "\"a\nb\""}));
        case 14: return QString(QChar(0xd800));
        case 15: return QString(QString(QChar(0xdc00)) + u"x"_s);
        case 16: return deepValue();
        case 17: return QJsonObject{};
        case 18: return QJsonArray{};
        case 19: return templateString();
        case 20: return QJsonArray{templateString(), templateString()};
        case 21: return QJsonObject{{templateString(), templateString()}};
        case 22: {
            QJsonArray many;
            for (int i = 0, n = 100 + below(2000); i < n; ++i)
                many.append(i % 3 == 0 ? QJsonValue() : QJsonValue(i));
            return many;
        }
        case 23: {
            QJsonObject keys;
            for (int i = 0, n = 10 + below(300); i < n; ++i)
                keys.insert(u"k"_s + QString::number(i), i);
            return keys;
        }
        case 24: return someSubtree(root);
        case 25: return pick(QStringList{u"delay"_s, u"webhook"_s, u"transform"_s, u"condition"_s, u"log"_s, u"eq"_s,
                                         u"exists"_s, u"GET"_s, u"http://127.0.0.1:9/x"_s, u"ftp://x"_s, u"http://"_s,
                                         u"notify"_s, u"wait"_s, m_targets.mainId, u"0"_s, u"true"_s, u"null"_s});
        case 26: return QJsonArray{pick(QStringList{u"notify"_s, u"done"_s, u"wait"_s, u"check"_s, u"nope"_s, u""_s})};
        default: return QJsonObject{{u"duration"_s, below(2) ? QJsonValue(-1) : QJsonValue(templateString())}};
        }
    }

    // --- structural mutations on the parsed seed

    struct PathStep
    {
        QString key;
        qsizetype index = -1; // >= 0: array element
    };
    using Path = QList<PathStep>;

    static void collect(const QJsonValue &value, Path &current, QList<Path> &out)
    {
        out.append(current);
        if (out.size() > 4000)
            return;
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it) {
                current.append({it.key(), -1});
                collect(it.value(), current, out);
                current.removeLast();
            }
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size() && i < 50; ++i) {
                current.append({{}, i});
                collect(array.at(i), current, out);
                current.removeLast();
            }
        }
    }

    using Edit = std::function<std::optional<QJsonValue>(const QJsonValue &)>; // nullopt: remove

    static std::optional<QJsonValue> edit(const QJsonValue &node, const Path &path, qsizetype at, const Edit &f)
    {
        if (at == path.size())
            return f(node);
        const PathStep &step = path.at(at);
        if (step.index >= 0) {
            QJsonArray array = node.toArray();
            const std::optional<QJsonValue> child = edit(array.at(step.index), path, at + 1, f);
            if (child)
                array.replace(step.index, *child);
            else
                array.removeAt(step.index);
            return array;
        }
        QJsonObject object = node.toObject();
        const std::optional<QJsonValue> child = edit(object.value(step.key), path, at + 1, f);
        if (child)
            object.insert(step.key, *child);
        else
            object.remove(step.key);
        return object;
    }

    QJsonValue someSubtree(const QJsonValue &root)
    {
        QList<Path> paths;
        Path current;
        collect(root, current, paths);
        QJsonValue value = root;
        for (const PathStep &step : pick(paths))
            value = step.index >= 0 ? value.toArray().at(step.index) : value.toObject().value(step.key);
        return value;
    }

    QJsonValue mutateStructure(const QJsonValue &root)
    {
        QList<Path> paths;
        Path current;
        collect(root, current, paths);
        const Path path = pick(paths);
        const QJsonArray steps = root.toObject().value(u"steps"_s).toArray();
        switch (below(9)) {
        case 0:
        case 1: // replace a value with another type or a hostile one
            return edit(root, path, 0, [this, &root](const QJsonValue &) { return nastyValue(root); }).value_or(root);
        case 2: // delete a key (or an array element)
            if (path.isEmpty())
                return QJsonObject{};
            return edit(root, path, 0, [](const QJsonValue &) { return std::nullopt; }).value_or(root);
        case 3: // unknown keys (or elements)
            return edit(root, path, 0, [this, &root](const QJsonValue &node) -> std::optional<QJsonValue> {
                       if (node.isArray()) {
                           QJsonArray array = node.toArray();
                           array.append(nastyValue(root));
                           return array;
                       }
                       if (!node.isObject())
                           return nastyValue(root);
                       QJsonObject object = node.toObject();
                       const QString key = pick(QStringList{u"unknown"_s, u"__proto__"_s, u""_s, u"k\u0000"_s, u"id"_s,
                                                            u"steps"_s, u"payload"_s, u"workflow_id"_s, u"retry"_s,
                                                            u"timeout_ms"_s, u"config"_s, u"skip"_s, randomUnicode(8)});
                       object.insert(key, nastyValue(root));
                       return object;
                   })
                    .value_or(root);
        case 4: { // a step's type becomes something else
            if (steps.isEmpty())
                return mutateText0(root);
            const qsizetype i = below(int(steps.size()));
            QJsonObject step = steps.at(i).toObject();
            step.insert(u"type"_s, chance(70) ? QJsonValue(pick(QStringList{u"delay"_s, u"webhook"_s, u"transform"_s,
                                                                            u"condition"_s, u"log"_s, u"Delay"_s, u"LOG"_s,
                                                                            u" log"_s, u"log "_s, u""_s, u"http"_s,
                                                                            u"shell"_s, u"delay\u0000"_s, u"${payload.t}"_s,
                                                                            QString(5000, u't'), randomUnicode(6)}))
                                              : nastyValue(root));
            return withStep(root, i, step);
        }
        case 5: { // duplicate step names: rename one, or append a copy
            if (steps.isEmpty())
                return mutateText0(root);
            const qsizetype i = below(int(steps.size()));
            if (steps.size() > 1 && chance(50)) {
                QJsonObject step = steps.at(i).toObject();
                step.insert(u"name"_s, steps.at((i + 1 + below(int(steps.size()) - 1)) % steps.size()).toObject().value(u"name"_s));
                return withStep(root, i, step);
            }
            QJsonArray more = steps;
            more.insert(below(int(steps.size()) + 1), steps.at(i));
            QJsonObject object = root.toObject();
            object.insert(u"steps"_s, more);
            return object;
        }
        case 6: { // mangle templates in some string
            return edit(root, path, 0, [this](const QJsonValue &node) -> std::optional<QJsonValue> {
                       if (!node.isString())
                           return templateString();
                       QString text = node.toString();
                       text.insert(below(int(text.size()) + 1), templateString());
                       return text;
                   })
                    .value_or(root);
        }
        case 7: { // reorder steps: templates and skips then point at the wrong side
            if (steps.size() < 2)
                return mutateText0(root);
            QJsonArray swapped = steps;
            const qsizetype a = below(int(steps.size()));
            const qsizetype b = below(int(steps.size()));
            swapped.replace(a, steps.at(b));
            swapped.replace(b, steps.at(a));
            QJsonObject object = root.toObject();
            object.insert(u"steps"_s, swapped);
            return object;
        }
        default: { // many steps (the limit is 100)
            QJsonArray many;
            const int count = pick(QList<int>{99, 100, 101, 1000});
            for (int i = 0; i < count; ++i)
                many.append(QJsonObject{{u"name"_s, QString(u"s"_s + QString::number(i))}, {u"type"_s, u"log"_s},
                                        {u"config"_s, QJsonObject{{u"message"_s, u"m"_s}}}});
            QJsonObject object = root.toObject();
            object.insert(u"steps"_s, many);
            return object;
        }
        }
    }

    // Fallback when a mutation does not apply to this shape.
    QJsonValue mutateText0(const QJsonValue &root)
    {
        return edit(root, {}, 0, [this, &root](const QJsonValue &) { return nastyValue(root); }).value_or(root);
    }

    static QJsonValue withStep(const QJsonValue &root, qsizetype i, const QJsonObject &step)
    {
        QJsonObject object = root.toObject();
        QJsonArray steps = object.value(u"steps"_s).toArray();
        steps.replace(i, step);
        object.insert(u"steps"_s, steps);
        return object;
    }

    // --- byte-level mutations of the serialized text

    QByteArray mutateBytes(QByteArray text)
    {
        static const QList<QByteArray> tokens = {
            "\\u0000", "\\ud800", "\\udfff", "\\ud800\\u0041", "\\u", "\\x", "\\", "\"", "NaN", "Infinity", "-",
            "1e400", "-0", "00", "01", ".5", "1.", "tru", "nul", ",", ",,", ":", "{", "}", "[", "]", "]]]]]",
            "\xef\xbb\xbf", "\xff", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", QByteArray(1, '\0'), "\t", "\n",
            "/*c*/", "//", "'", "${", "$${x}", "\x7f", "\xe2\x80\xae"};
        if (text.isEmpty())
            return pick(tokens);
        const int position = below(int(text.size()) + 1);
        switch (below(11)) {
        case 0: { // flip one bit
            const int at = qMin(position, int(text.size()) - 1);
            text[at] = char(uchar(text.at(at)) ^ (1u << below(8)));
            return text;
        }
        case 1: // random bytes
            return text.insert(position, randomBytes(1 + below(8)));
        case 2: // a token that parsers get wrong
            return text.insert(position, pick(tokens));
        case 3: // delete a range
            return text.remove(position, 1 + below(16));
        case 4: // truncate
            return text.left(position);
        case 5: { // duplicate a range
            const QByteArray piece = text.mid(position, 1 + below(64));
            return text.insert(below(int(text.size()) + 1), piece);
        }
        case 6: // a byte order mark
            return "\xef\xbb\xbf" + text;
        case 7: // trailing garbage
            return text + pick(QList<QByteArray>{" x", "}", "]", ",", "\0", "null", " \r\n", "{}", "\xff", "// c"});
        case 8: // two documents
            return text + pick(QList<QByteArray>{"", " ", "\n", ","}) + text;
        case 9: { // a digit run becomes a huge number
            const qsizetype digit = text.indexOf(QByteArray::number(below(10)), position);
            if (digit < 0)
                return text.insert(position, "1e999");
            return text.insert(digit, "99999999999999999999999999999999");
        }
        default: // very deep nesting, wrapped around everything
            return nested(pick(QList<int>{1000, 1025, 5000}), "[", text, "]");
        }
    }

    // A seed with 1–3 mutations (structural ones first), or now and then none at all: valid
    // requests must keep working, and the consistency check needs some of them to succeed.
    QByteArray mutatedBody(QJsonValue value)
    {
        m_raws.clear();
        int structural = 0;
        int textual = 0;
        if (!chance(12)) {
            for (int i = 0, n = 1 + below(3); i < n; ++i)
                (chance(65) ? structural : textual)++;
        }
        for (int i = 0; i < structural; ++i)
            value = mutateStructure(value);
        QByteArray text;
        if (chance(20) && value.isObject())
            text = QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
        else
            text = wf::json::serialize(value);
        // Splice in raw tokens: those nested inside another raw token go first.
        for (qsizetype i = m_raws.size() - 1; i >= 0; --i)
            text.replace(m_raws.at(i).first, m_raws.at(i).second);
        for (int i = 0; i < textual; ++i)
            text = mutateBytes(text);
        if (chance(1)) // over the 1 MiB limit
            text = text + QByteArray((1 << 20) + below(4096), ' ');
        return text;
    }

    // --- headers

    void addContentType(Request &request)
    {
        const int roll = below(100);
        QByteArray type;
        if (roll < 12)
            return; // none: taken as JSON
        if (roll < 62)
            type = "application/json";
        else if (roll < 72)
            type = "application/json; charset=utf-8";
        else
            type = pick(QList<QByteArray>{"text/plain", "application/vnd+json", "application/problem+json",
                                          "application/x-www-form-urlencoded", "APPLICATION/JSON",
                                          "application/json;charset=latin1", "multipart/form-data; boundary=x", "",
                                          "application/jsonx", "json", ";", "application/json, text/plain",
                                          "\xff\xfe", "application/xml", "*/*"});
        request.headers.append({"Content-Type", type});
        if (chance(3))
            request.headers.append({"Content-Type", pick(QList<QByteArray>{"text/plain", "application/json"})});
    }

    void maybeChunk(Request &request)
    {
        if (request.body.isEmpty() || !chance(4))
            return;
        request.chunked = true;
        for (int i = 0, n = 1 + below(6); i < n; ++i)
            request.chunkSizes.append(1 + below(qMax(1, int(request.body.size()))));
    }

    QByteArray idempotencyKey()
    {
        const int roll = below(100);
        if (roll < 50)
            return {};
        if (roll < 75)
            return pick(m_keyPool);
        QByteArray key;
        if (roll < 85) {
            for (int i = 0, n = 1 + below(64); i < n; ++i)
                key += char(0x21 + below(0x7e - 0x21));
        } else if (roll < 93) {
            key = QByteArray(250 + below(12), 'k'); // around the 255-character limit
        } else if (roll < 96) {
            key = QByteArray(1000 + below(7000), 'K');
        } else {
            // Header bytes beyond ASCII (and never CR, LF or NUL, which would split the header).
            for (int i = 0, n = 1 + below(40); i < n; ++i) {
                char c = char(0x20 + below(0xe0));
                key += c;
            }
            key = key.trimmed();
            if (key.isEmpty())
                key = "\xc3\xbc";
        }
        return key;
    }

    // --- requests of each kind

    Request create()
    {
        Request request;
        request.kind = u"create"_s;
        request.method = "POST";
        request.target = pick(QList<QByteArray>{"/api/v1/workflows", "/api/v1/workflows", "/api/v1/workflows", "/api/v1/workflows/"});
        addContentType(request);
        request.body = mutatedBody(pick(m_definitions));
        maybeChunk(request);
        return request;
    }

    QByteArray someWorkflowIdForPath()
    {
        const int roll = below(100);
        if (roll < 75)
            return m_targets.updateId.toLatin1();
        if (roll < 80)
            return m_targets.updateId.toUpper().toLatin1();
        if (roll < 88)
            return pick(m_targets.victimIds).toLatin1();
        if (roll < 94)
            return randomHexId().toLatin1();
        return pick(QList<QByteArray>{"x", "%00", "%2e%2e", QByteArray(33, 'a'), QByteArray(5000, 'f'), "%ff%fe",
                                      "00000000-0000-0000-0000-000000000000", "..", "%F0%9D%84%9E"});
    }

    Request update()
    {
        Request request;
        request.kind = u"update"_s;
        request.method = "PUT";
        request.target = "/api/v1/workflows/" + someWorkflowIdForPath();
        addContentType(request);
        request.body = mutatedBody(pick(m_definitions));
        maybeChunk(request);
        return request;
    }

    Request trigger()
    {
        Request request;
        request.kind = u"trigger"_s;
        request.method = "POST";
        request.target = "/api/v1/trigger";
        addContentType(request);
        QJsonObject seed = pick(m_triggers).toObject();
        const int roll = below(100);
        if (roll < 6)
            seed.insert(u"workflow_id"_s, pick(m_targets.victimIds));
        else if (roll < 10)
            seed.insert(u"workflow_id"_s, randomHexId());
        request.body = mutatedBody(seed);
        const QByteArray key = idempotencyKey();
        if (!key.isEmpty())
            request.headers.append({pick(QList<QByteArray>{"Idempotency-Key", "idempotency-key", "IDEMPOTENCY-KEY"}), key});
        maybeChunk(request);
        return request;
    }

    QByteArray queryValue(const QString &value)
    {
        if (chance(85))
            return QUrl::toPercentEncoding(value);
        return value.toUtf8().replace(' ', "%20").replace('#', "%23").replace('\n', "%0A").replace('\r', "%0D");
    }

    QString randomCursor()
    {
        const auto encode = [this](const QByteArray &raw) {
            return QString::fromLatin1(raw.toBase64(chance(70) ? QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                                                : QByteArray::Base64Encoding));
        };
        switch (below(6)) {
        case 0: return pick(QStringList{u"garbage"_s, u"!!!"_s, u"===="_s, u"a"_s, QString(200, u'A'), u"%00"_s});
        case 1: return encode(randomBytes(below(80)));
        case 2: {
            const QByteArray micros = pick(QList<QByteArray>{"0", "-1", "1700000000000000", "9223372036854775807",
                                                             "-9223372036854775808", "99999999999999999999", "1e9",
                                                             "", " 1", "0x10", "253402300800000000", "-62135596800000001"});
            const QByteArray id = pick(QList<QByteArray>{m_targets.mainId.toLatin1(), randomHexId().toLatin1(), "",
                                                         "ABCDEF0123456789ABCDEF0123456789", "x", QByteArray(32, '0')});
            return encode(micros + ':' + id);
        }
        case 3: return encode(QByteArray::number(qint64(m_rng.generate64() >> below(64))) + ':' + randomHexId().toLatin1());
        case 4: return encode("1700000000000000:" + randomHexId().toLatin1()) + u"="_s;
        default: return randomUnicode(1 + below(20));
        }
    }

    Request list()
    {
        Request request;
        const bool runs = chance(60);
        request.kind = runs ? u"list-runs"_s : u"list-workflows"_s;
        request.method = "GET";
        QList<QByteArray> pairs;
        const auto add = [&](const QByteArray &name, const QString &value) {
            pairs.append(name + '=' + queryValue(value));
        };
        if (chance(60))
            add("limit", pick(QStringList{u"-1"_s, u"0"_s, u"1"_s, u"2"_s, u"50"_s, u"200"_s, u"201"_s, u"abc"_s, u"1e3"_s,
                                          u"99999999999999999999"_s, u" 5"_s, u"5 "_s, u"+5"_s, u"0x10"_s, u""_s,
                                          u"2147483648"_s, u"-2147483649"_s, u"3.0"_s, u"\u0000"_s, u"\u0665"_s}));
        if (chance(40))
            add("cursor", randomCursor());
        if (runs && chance(40))
            add("status", pick(QStringList{u"pending"_s, u"running"_s, u"success"_s, u"failed"_s, u"cancelled"_s,
                                           u"xyz"_s, u"PENDING"_s, u"pending\u0000"_s, u""_s, u"pending,failed"_s,
                                           u"'; DROP TABLE workflow_runs; --"_s}));
        if (runs && chance(40)) {
            QString dashed = m_targets.mainId;
            dashed.insert(20, u'-').insert(16, u'-').insert(12, u'-').insert(8, u'-');
            add("workflow_id", pick(QStringList{m_targets.mainId, m_targets.mainId.toUpper(), dashed, randomHexId(),
                                                u"xyz"_s, QString(300, u'a'), u"\u0000"_s, m_targets.mainId + u" "_s,
                                                u"g"_s.repeated(32)}));
        }
        if (chance(10))
            add(pick(QList<QByteArray>{"limit", "cursor", "unknown", "", "%00"}), randomUnicode(4));
        for (qsizetype i = pairs.size() - 1; i > 0; --i)
            pairs.swapItemsAt(i, below(int(i) + 1));
        request.target = runs ? "/api/v1/runs" : "/api/v1/workflows";
        if (!pairs.isEmpty() || chance(5))
            request.target += '?' + pairs.join(chance(90) ? "&" : ";");
        return request;
    }

    Request remove()
    {
        Request request;
        request.kind = u"delete"_s;
        request.method = "DELETE";
        const QByteArray id = chance(50) ? pick(m_targets.victimIds).toLatin1() : randomHexId().toLatin1();
        request.target = "/api/v1/workflows/" + id;
        return request;
    }

    Request otherMethod()
    {
        Request request;
        request.kind = u"other"_s;
        request.method = pick(QList<QByteArray>{"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "PROPFIND", "PURGE", "FOO", "get"});
        QByteArray path = pick(QList<QByteArray>{
                "/", "/health", "/health/ready", "/api/v1/workflows", "/api/v1/workflows/{id}", "/api/v1/trigger",
                "/api/v1/runs", "/api/v1/runs/{id}", "/api/v1/runs/{id}/cancel", "/api/v1/nope", "/api/v1/workflows/{id}/",
                "//api//v1//runs", "/api/v1/runs/%00", "/api/v1/workflows/%2e%2e", "/api/v1/%F0%9D%84%9E", "/api",
                "/API/V1/RUNS", "/api/v1/trigger/extra", "/api/v1/workflows/{id}/versions"});
        // The workflows everything else aims at are never deleted.
        const QByteArray id = request.method == "DELETE" ? randomHexId().toLatin1() : someWorkflowIdForPath();
        path.replace("{id}", id);
        if (chance(5))
            path += '/' + QByteArray(4000 + below(4000), 'p');
        request.target = path;
        if (request.method != "GET" && request.method != "HEAD" && chance(70)) {
            addContentType(request);
            request.body = mutatedBody(chance(50) ? pick(m_definitions) : pick(m_triggers));
        }
        return request;
    }

    QRandomGenerator m_rng;
    Targets m_targets;
    QList<QJsonValue> m_definitions;
    QList<QJsonValue> m_triggers;
    QList<QByteArray> m_keyPool;
    QList<QPair<QByteArray, QByteArray>> m_raws; // serialized marker -> raw token
};

quint32 fuzzSeed()
{
    bool ok = false;
    const quint32 seed = qEnvironmentVariable("WF_FUZZ_SEED").toUInt(&ok);
    return ok ? seed : 20240611u;
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

} // namespace

// ----------------------------------------------------------------------------------------------

TestFuzz::Counts TestFuzz::counts() const
{
    Counts c;
    const auto count = [this, &c](const QString &sql) -> qint64 {
        QString text;
        for (int attempt = 0; attempt < 3; ++attempt) {
            text = m_cluster.scalar(sql);
            bool ok = false;
            const qint64 value = text.toLongLong(&ok);
            if (ok)
                return value;
        }
        c.error += sql + u" -> "_s + text + u"; "_s;
        return -1;
    };
    c.definitions = count(u"SELECT count(*) FROM workflow_definitions"_s);
    c.versions = count(u"SELECT count(*) FROM workflow_versions"_s);
    c.runs = count(u"SELECT count(*) FROM workflow_runs"_s);
    c.outbox = count(u"SELECT count(*) FROM outbox"_s);
    c.deleted = count(u"SELECT count(*) FROM workflow_definitions WHERE deleted_at IS NOT NULL"_s);
    return c;
}

QString TestFuzz::createWorkflow(const QByteArray &definition)
{
    Request request;
    request.method = "POST";
    request.target = "/api/v1/workflows";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = definition;
    const Response response = sendOne(quint16(m_server.port()), request);
    if (response.status != 200)
        qWarning("creating a seed workflow: %d %s", response.status, response.body.constData());
    return response.json().toObject().value(u"workflow_id"_s).toString();
}

void TestFuzz::initTestCase()
{
    wf::test::TestCluster::Options options;
    options.pgbouncer = true;
    const QString error = m_cluster.start(options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QProcessEnvironment environment;
    environment.insert(u"WF_HTTP_THREADS"_s, u"2"_s);
    const QString started = m_server.start(m_cluster.databaseUrl(), environment);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    environment.insert(u"WF_HTTP_MAX_BODY_BYTES"_s, u"65536"_s);
    const QString startedSmall = m_smallServer.start(m_cluster.databaseUrl(), environment);
    QVERIFY2(startedSmall.isEmpty(), qPrintable(startedSmall));

    // Every seed is valid as it stands: the fuzzer's unmutated requests must succeed.
    for (const QByteArray &seed : {allStepTypes, architectureExample, templatesEverywhere, minimalDefinition, conditionHeavy})
        QVERIFY2(isHexId(createWorkflow(seed)), seed.constData());
    m_mainId = createWorkflow(allStepTypes);
    m_updateId = createWorkflow(templatesEverywhere);
    for (int i = 0; i < 3; ++i)
        m_victimIds.append(createWorkflow(minimalDefinition));
    QVERIFY(isHexId(m_mainId) && isHexId(m_updateId));
    for (const QString &id : std::as_const(m_victimIds))
        QVERIFY(isHexId(id));
}

void TestFuzz::randomisedRequests()
{
    const quint32 seed = fuzzSeed();
    const int iterations = envInt("WF_FUZZ_ITERATIONS", 3000);
    const int concurrency = envInt("WF_FUZZ_CONCURRENCY", 4);
    qInfo("fuzz seed %u, %d requests over %d connections (reproduce: WF_FUZZ_SEED=%u WF_FUZZ_ITERATIONS=%d)", seed,
          iterations, concurrency, seed, iterations);

    Fuzzer fuzzer(seed, {m_mainId, m_updateId, m_victimIds});
    QList<Request> requests;
    requests.reserve(iterations);
    for (int i = 0; i < iterations; ++i)
        requests.append(fuzzer.next());

    const Counts before = counts();
    QVERIFY2(before.error.isEmpty(), qPrintable(before.error));
    QCOMPARE(before.runs, before.outbox);

    struct Failure
    {
        qsizetype index;
        QString reason;
        Response response;
    };
    QList<Failure> failures;
    QMap<int, int> byStatus;
    QMap<QString, QMap<int, int>> byKind;
    QHash<QString, int> byDetail; // the start of each 4xx detail: which checks the fuzzer reached
    qint64 created = 0;
    qint64 updated = 0;
    qint64 deleted = 0;
    qint64 triggered = 0;
    qint64 replayed = 0;
    QSet<QString> runIds;
    QHash<QString, QJsonObject> createdBodies; // workflow_id -> the definition as sent
    QHash<QString, QJsonObject> newPayloads;   // run_id -> the payload as sent (new runs only)

    QElapsedTimer clock;
    clock.start();
    sendAll(quint16(m_server.port()), requests, concurrency, [&](qsizetype index, const Response &response) {
        const Request &request = requests.at(index);
        byStatus[response.status]++;
        byKind[request.kind][response.status / 100]++;
        const auto fail = [&](const QString &reason) { failures.append({index, reason, response}); };
        if (response.status == 0)
            return fail(u"no HTTP answer: "_s + response.error);
        if (response.status >= 500)
            return fail(u"server error %1"_s.arg(response.status));
        if (response.headers.value("x-instance-id").isEmpty())
            fail(u"no X-Instance-Id header"_s);
        const bool hasBody = request.method != "HEAD" && response.status != 204;
        const QJsonValue json = response.json();
        if (response.status >= 400 && hasBody) {
            if (!json.isObject() || !json.toObject().value(u"detail"_s).isString()
                || json.toObject().value(u"detail"_s).toString().isEmpty())
                return fail(u"4xx body is not {\"detail\": \"…\"}"_s);
            byDetail[QString::number(response.status) + u' ' + json[u"detail"_s].toString().left(36)]++;
        }
        if (response.status < 200 || response.status >= 300)
            return;
        if (hasBody && !json.isObject()) {
            QString reason;
            wf::json::parse(response.body, &reason);
            return fail(u"2xx body is not a JSON object: "_s + reason);
        }
        const QJsonObject object = json.toObject();
        if (request.method == "DELETE" && response.status == 204) {
            ++deleted;
        } else if (object.value(u"message"_s) == u"Workflow created successfully"_s) {
            if (!isHexId(object.value(u"workflow_id"_s).toString()))
                fail(u"create answered without a workflow_id"_s);
            ++created;
            createdBodies.insert(object.value(u"workflow_id"_s).toString(), wf::json::parse(request.body).value_or(QJsonValue()).toObject());
        } else if (object.value(u"message"_s) == u"Workflow updated successfully"_s) {
            ++updated;
        } else if (object.contains(u"run_id"_s)) {
            const QString runId = object.value(u"run_id"_s).toString();
            if (!isHexId(runId) || object.value(u"status"_s) != u"triggered"_s)
                fail(u"trigger answered without a run_id"_s);
            runIds.insert(runId);
            if (response.headers.value("idempotent-replayed") == "true") {
                ++replayed;
            } else {
                ++triggered;
                newPayloads.insert(runId, wf::json::parse(request.body).value_or(QJsonValue()).toObject()
                                                  .value(u"payload"_s).toObject());
            }
        } else if (request.method == "POST" || request.method == "PUT" || request.method == "DELETE") {
            fail(u"a write was accepted with an answer of unknown shape"_s);
        }
    });
    const qint64 elapsed = clock.elapsed();

    // The summary: what the server answered, per status and per kind of request.
    QStringList statusLine;
    for (auto it = byStatus.begin(); it != byStatus.end(); ++it)
        statusLine << u"%1: %2"_s.arg(it.key()).arg(it.value());
    qInfo("%d requests in %lld ms; by status: %s", iterations, elapsed, qPrintable(statusLine.join(u", "_s)));
    for (auto it = byKind.begin(); it != byKind.end(); ++it) {
        QStringList classes;
        for (auto c = it.value().begin(); c != it.value().end(); ++c)
            classes << u"%1xx %2"_s.arg(c.key()).arg(c.value());
        qInfo("  %-15s %s", qPrintable(it.key()), qPrintable(classes.join(u", "_s)));
    }
    QList<QPair<int, QString>> details;
    for (auto it = byDetail.begin(); it != byDetail.end(); ++it)
        details.append({it.value(), it.key()});
    std::sort(details.begin(), details.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    qInfo("%lld distinct 4xx reasons; the most frequent:", qlonglong(details.size()));
    for (qsizetype i = 0; i < details.size() && i < 8; ++i)
        qInfo("  %5d  %s", details.at(i).first, qPrintable(printableText(details.at(i).second)));
    qInfo("accepted: %lld creates, %lld updates, %lld deletes, %lld triggers (+%lld idempotent replays)", created,
          updated, deleted, triggered, replayed);

    if (!failures.isEmpty()) {
        const QString dumpDir = QDir::tempPath() + u"/wf-fuzz-%1"_s.arg(seed);
        QDir().mkpath(dumpDir);
        for (qsizetype i = 0; i < failures.size(); ++i) {
            const Failure &failure = failures.at(i);
            const Request &request = requests.at(failure.index);
            QFile file(dumpDir + u"/request-%1.http"_s.arg(failure.index));
            if (file.open(QIODevice::WriteOnly))
                file.write(request.wire());
            if (i < 15) {
                QByteArray headers;
                for (const auto &header : request.headers)
                    headers += header.first + ": " + printable(header.second, 120) + "; ";
                qWarning("request #%lld (%s) failed: %s\n  %s %s\n  headers: %s%s\n  body: %s\n  answer: %d %s",
                         qlonglong(failure.index), qPrintable(request.kind), qPrintable(failure.reason),
                         request.method.constData(), printable(request.target, 300).constData(), headers.constData(),
                         request.chunked ? "(chunked)" : "", printable(request.body).constData(), failure.response.status,
                         printable(failure.response.body, 400).constData());
            }
        }
        qWarning("%lld failing requests, written to %s (send one with: curl --data-binary or nc 127.0.0.1 <port> < file)",
                 qlonglong(failures.size()), qPrintable(dumpDir));
    }

    // No crash, no hang: the server is still there and answers.
    QVERIFY2(m_server.running(), m_server.output().right(4000).constData());
    Request health;
    health.method = "GET";
    health.target = "/health";
    QCOMPARE(sendOne(quint16(m_server.port()), health).status, 200);
    QVERIFY2(failures.isEmpty(), qPrintable(u"%1 of %2 requests were answered wrongly; first: %3"_s.arg(failures.size())
                                                    .arg(iterations).arg(failures.isEmpty() ? QString() : failures.first().reason)));

    // The database holds exactly what the 2xx answers promised.
    const Counts after = counts();
    QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
    QCOMPARE(after.definitions, before.definitions + created);
    QCOMPARE(after.versions, before.versions + created + updated);
    QCOMPARE(after.runs, before.runs + triggered);
    QCOMPARE(after.outbox, after.runs);
    QCOMPARE(after.deleted, before.deleted + deleted);
    QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM workflow_runs WHERE jsonb_typeof(payload) <> 'object'"_s), u"0"_s);
    QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM workflow_runs r WHERE NOT EXISTS"
                              " (SELECT 1 FROM outbox o WHERE o.message_key = r.uuid)"_s),
             u"0"_s);
    QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM workflow_definitions d WHERE d.version <>"
                              " (SELECT count(*) FROM workflow_versions v WHERE v.workflow_uuid = d.uuid)"_s),
             u"0"_s);
    QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM workflow_definitions WHERE jsonb_typeof(steps) <> 'array'"_s), u"0"_s);
    // Every run id a 2xx named exists.
    if (!runIds.isEmpty()) {
        const QStringList ids(runIds.begin(), runIds.end());
        QCOMPARE(m_cluster.scalar(u"SELECT count(*) FROM workflow_runs WHERE uuid IN ('%1')"_s.arg(ids.join(u"','"_s))),
                 QString::number(ids.size()));
    }

    // What a 2xx accepted is stored as sent: no label cut short at a NUL, no character replaced.
    QStringList altered;
    if (!createdBodies.isEmpty()) {
        const QStringList ids = createdBodies.keys();
        const QJsonArray stored = parseJson(m_cluster.scalar(
                u"SELECT json_agg(json_build_object('uuid', uuid, 'id', id, 'name', name, 'description', description))"
                " FROM workflow_definitions WHERE uuid IN ('%1')"_s.arg(ids.join(u"','"_s))).toUtf8()).toArray();
        QCOMPARE(stored.size(), ids.size());
        for (const QJsonValue &row : stored) {
            const QJsonObject sent = createdBodies.value(row[u"uuid"_s].toString());
            for (const QString &field : {u"id"_s, u"name"_s, u"description"_s}) {
                const QJsonValue want = sent.value(field).isString() ? sent.value(field) : QJsonValue();
                if (row[field] != want)
                    altered << u"workflow %1 %2: sent \"%3\", stored \"%4\""_s.arg(row[u"uuid"_s].toString(), field,
                                                                                 printableText(want.toString()),
                                                                                 printableText(row[field].toString()));
            }
        }
    }
    if (!newPayloads.isEmpty()) {
        const QStringList ids = newPayloads.keys();
        const QJsonArray stored = parseJson(m_cluster.scalar(
                u"SELECT json_agg(json_build_object('uuid', uuid, 'payload', payload)) FROM workflow_runs"
                " WHERE uuid IN ('%1')"_s.arg(ids.join(u"','"_s))).toUtf8()).toArray();
        QCOMPARE(stored.size(), ids.size());
        for (const QJsonValue &row : stored) {
            if (row[u"payload"_s].toObject() != newPayloads.value(row[u"uuid"_s].toString()))
                altered << u"run %1: payload stored differs from the one sent"_s.arg(row[u"uuid"_s].toString());
        }
    }
    QVERIFY2(altered.isEmpty(), qPrintable(u"%1 accepted values were stored altered: "_s.arg(altered.size())
                                           + altered.mid(0, 10).join(u"; "_s)));
}

void TestFuzz::nastyBodies_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("contentType"); // empty: no header
    QTest::addColumn<QByteArray>("idempotencyKey");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("expected");

    const QByteArray id = m_mainId.toLatin1();
    const QByteArray json = "application/json";
    const auto trigger = [&id](const QByteArray &payload) -> QByteArray {
        return "{\"workflow_id\":\"" + id + "\",\"payload\":" + payload + '}';
    };
    const auto definition = [](const QByteArray &name, const QByteArray &stepConfig) -> QByteArray {
        return "{\"id\":\"n\",\"name\":" + name + ",\"steps\":[{\"name\":\"t\",\"type\":\"transform\",\"config\":"
                + stepConfig + "}]}";
    };
    const QByteArray okConfig = R"({"output": 1})";
    const QByteArray validTrigger = trigger(R"({"a": 1})");

    QTest::addRow("5000 nested arrays in payload")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << trigger("{\"x\":" + QByteArray(5000, '[') + QByteArray(5000, ']') + '}') << 400;
    QTest::addRow("5000 nested objects as definition")
            << QByteArray("POST") << QByteArray("/api/v1/workflows") << json << QByteArray()
            << QByteArray(QByteArray("{\"a\":").repeated(5000) + "1" + QByteArray("}").repeated(5000)) << 400;
    // Bodies may nest 64 containers (the body, payload, and 62 arrays); one more is refused.
    QTest::addRow("64 levels in the body (allowed)")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << trigger("{\"x\":" + QByteArray(62, '[') + QByteArray(62, ']') + '}') << 200;
    QTest::addRow("65 levels in the body")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << trigger("{\"x\":" + QByteArray(63, '[') + QByteArray(63, ']') + '}') << 400;
    QTest::addRow("500 nested arrays in payload")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << trigger("{\"x\":" + QByteArray(500, '[') + QByteArray(500, ']') + '}') << 400;
    QTest::addRow("\\u0000 in payload value")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << trigger(R"({"a": "x\u0000y"})") << 400;
    QTest::addRow("\\u0000 in payload key")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << trigger(R"({"a\u0000": 1})") << 400;
    QTest::addRow("\\u0000 in workflow name")
            << QByteArray("POST") << QByteArray("/api/v1/workflows") << json << QByteArray()
            << definition(R"("evil\u0000name")", okConfig) << 400;
    QTest::addRow("\\u0000 in description")
            << QByteArray("POST") << QByteArray("/api/v1/workflows") << json << QByteArray()
            << QByteArray(R"({"id":"n","name":"N","description":"before\u0000after","steps":[]})") << 400;
    QTest::addRow("\\u0000 in step config")
            << QByteArray("POST") << QByteArray("/api/v1/workflows") << json << QByteArray()
            << definition(R"("N")", R"({"output": "a\u0000b"})") << 400;
    QTest::addRow("lone high surrogate in payload")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << trigger(R"({"a": "\ud800"})") << 400;
    QTest::addRow("lone low surrogate in workflow name")
            << QByteArray("POST") << QByteArray("/api/v1/workflows") << json << QByteArray()
            << definition(R"("x\udc00y")", okConfig) << 400;
    QTest::addRow("body one byte over the limit")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << QByteArray(validTrigger + QByteArray(65537 - validTrigger.size(), ' ')) << 413;
    QTest::addRow("body exactly at the limit")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << QByteArray(validTrigger + QByteArray(65536 - validTrigger.size(), ' ')) << 200;
    QTest::addRow("NaN") << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
                         << trigger(R"({"a": NaN})") << 400;
    QTest::addRow("-Infinity") << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
                               << trigger(R"({"a": -Infinity})") << 400;
    QTest::addRow("number beyond double (1e400)")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << trigger(R"({"a": 1e400})") << 400;
    // RFC 8259 lets a parser ignore a byte order mark; the seed's Python json.loads does.
    QTest::addRow("byte order mark before the JSON")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << QByteArray("\xef\xbb\xbf" + validTrigger) << 200;
    QTest::addRow("trailing garbage after valid JSON")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray() << QByteArray(validTrigger + " x")
            << 400;
    QTest::addRow("two JSON documents concatenated")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << QByteArray(validTrigger + validTrigger) << 400;
    QTest::addRow("two JSON documents, comma between")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << QByteArray(validTrigger + ',' + validTrigger) << 400;
    QTest::addRow("invalid UTF-8 in a string")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << trigger("{\"a\": \"\xff\xfe\"}") << 400;
    QTest::addRow("overlong UTF-8 encoding")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
            << trigger("{\"a\": \"\xc0\xaf\"}") << 400;
    QTest::addRow("text/plain body") << QByteArray("POST") << QByteArray("/api/v1/trigger") << QByteArray("text/plain")
                                     << QByteArray() << validTrigger << 415;
    QTest::addRow("empty body") << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray()
                                << QByteArray() << 400;
    QTest::addRow("Idempotency-Key of 256 characters")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray(256, 'q') << validTrigger << 400;
    QTest::addRow("Idempotency-Key of 255 characters")
            << QByteArray("POST") << QByteArray("/api/v1/trigger") << json << QByteArray(255, 'q') << validTrigger << 200;
    QTest::addRow("cursor beyond the time range")
            << QByteArray("GET")
            << QByteArray("/api/v1/runs?cursor="
                          + QByteArray("9223372036854775807:" + id).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
            << QByteArray() << QByteArray() << QByteArray() << 400;
    QTest::addRow("limit=201") << QByteArray("GET") << QByteArray("/api/v1/runs?limit=201") << QByteArray()
                               << QByteArray() << QByteArray() << 400;
    QTest::addRow("PATCH on the trigger route") << QByteArray("PATCH") << QByteArray("/api/v1/trigger") << json
                                                << QByteArray() << validTrigger << 405;
}

void TestFuzz::nastyBodies()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, idempotencyKey);
    QFETCH(QByteArray, body);
    QFETCH(int, expected);

    Request request;
    request.method = method;
    request.target = target;
    if (!contentType.isEmpty())
        request.headers.append({"Content-Type", contentType});
    if (!idempotencyKey.isEmpty())
        request.headers.append({"Idempotency-Key", idempotencyKey});
    request.body = body;

    const Counts before = counts();
    QVERIFY2(before.error.isEmpty(), qPrintable(before.error));
    const Response response = sendOne(quint16(m_smallServer.port()), request);
    QVERIFY2(response.status != 0, qPrintable(response.error));
    QVERIFY(!response.headers.value("x-instance-id").isEmpty());
    QVERIFY2(response.status == expected,
             qPrintable(u"expected %1, got %2 %3"_s.arg(expected).arg(response.status)
                                .arg(QString::fromUtf8(printable(response.body, 400)))));
    if (response.status >= 400) {
        QVERIFY2(!response.json().toObject().value(u"detail"_s).toString().isEmpty(), response.body.constData());
        // Rejected means nothing changed.
        const Counts after = counts();
        QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
        QCOMPARE(after.definitions, before.definitions);
        QCOMPARE(after.versions, before.versions);
        QCOMPARE(after.runs, before.runs);
        QCOMPARE(after.outbox, before.outbox);
    }
    QVERIFY(m_smallServer.running());
}

void TestFuzz::idempotencyKeysAreNotConflated()
{
    // Two different keys must never be taken for one: keys that are not valid UTF-8 must either
    // be refused or kept apart, not folded into the same replacement character.
    const auto send = [this](const QByteArray &key) {
        Request request;
        request.method = "POST";
        request.target = "/api/v1/trigger";
        request.headers = {{"Content-Type", "application/json"}, {"Idempotency-Key", key}};
        request.body = "{\"workflow_id\":\"" + m_mainId.toLatin1() + "\",\"payload\":{\"same\":true}}";
        return sendOne(quint16(m_server.port()), request);
    };
    const Response first = send("conflate-\xff");
    QVERIFY2(first.status == 200 || first.status == 400, first.body.constData());
    const Response second = send("conflate-\xfe");
    QVERIFY2(second.status == 200 || second.status == 400, second.body.constData());
    if (first.status == 200 && second.status == 200) {
        QVERIFY2(second.headers.value("idempotent-replayed") != "true",
                 "Idempotency-Key \"conflate-\\xfe\" was answered with the run of key \"conflate-\\xff\"");
        QVERIFY(first.json().toObject().value(u"run_id"_s) != second.json().toObject().value(u"run_id"_s));
    }
    // The same key again is a replay of the same run.
    const Response again = send("conflate-\xff");
    QCOMPARE(again.status, first.status);
    if (first.status == 200) {
        QCOMPARE(again.headers.value("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(again.json().toObject().value(u"run_id"_s), first.json().toObject().value(u"run_id"_s));
    }
}

void TestFuzz::acceptedValuesStayListable()
{
    // A listing nests each item two levels deeper than the request that created it. Whatever a
    // 2xx accepted must still come back as JSON that the API's own parser (and so the console)
    // can read, or one run poisons every page of GET /api/v1/runs it appears on.
    const quint16 port = quint16(m_server.port());
    const auto get = [port](const QByteArray &target) {
        Request request;
        request.method = "GET";
        request.target = target;
        return sendOne(port, request);
    };
    QStringList problems;
    for (int depth : {100, 1000, 1019, 1020, 1021, 1022}) {
        Request trigger;
        trigger.method = "POST";
        trigger.target = "/api/v1/trigger";
        trigger.headers = {{"Content-Type", "application/json"}};
        trigger.body = "{\"workflow_id\":\"" + m_mainId.toLatin1() + "\",\"payload\":{\"a\":"
                + QByteArray(depth, '[') + QByteArray(depth, ']') + "}}";
        const Response triggered = sendOne(port, trigger);
        QVERIFY2(triggered.status == 200 || triggered.status == 400, triggered.body.constData());
        if (triggered.status == 200) {
            const Response one = get("/api/v1/runs/" + triggered.json()[u"run_id"_s].toString().toLatin1());
            QCOMPARE(one.status, 200);
            QVERIFY2(one.json().isObject(), qPrintable(u"GET /api/v1/runs/{id} of a payload nested %1 deep"_s.arg(depth)));
            const Response listed = get("/api/v1/runs?limit=1&workflow_id=" + m_mainId.toLatin1());
            QCOMPARE(listed.status, 200);
            QString reason;
            if (!wf::json::parse(listed.body, &reason))
                problems << u"POST /api/v1/trigger accepted a payload nested %1 deep, after which GET /api/v1/runs"
                            " answers JSON the API's own parser rejects (%2)"_s.arg(depth).arg(reason);
        }

        Request create;
        create.method = "POST";
        create.target = "/api/v1/workflows";
        create.headers = {{"Content-Type", "application/json"}};
        create.body = R"({"id":"deep","name":"Deep","steps":[{"name":"t","type":"transform","config":{"output":)"
                + QByteArray(depth, '[') + QByteArray(depth, ']') + "}}]}";
        const Response created = sendOne(port, create);
        QVERIFY2(created.status == 200 || created.status == 400, created.body.constData());
        if (created.status == 200) {
            const Response listed = get("/api/v1/workflows?limit=1");
            QCOMPARE(listed.status, 200);
            QString reason;
            if (!wf::json::parse(listed.body, &reason))
                problems << u"POST /api/v1/workflows accepted a transform output nested %1 deep, after which"
                            " GET /api/v1/workflows answers JSON the API's own parser rejects (%2)"_s.arg(depth).arg(reason);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
}

void TestFuzz::serverLoggedNoErrors()
{
    // A 4xx that hides an "unexpected database error" or an unanswered request is still a bug.
    const QList<QByteArray> lines = m_server.output().split('\n') + m_smallServer.output().split('\n');
    QList<QByteArray> errors;
    for (const QByteArray &line : lines) {
        if (line.contains(" error wf-server[") || line.contains(" fatal wf-server["))
            errors.append(line);
    }
    QVERIFY2(errors.isEmpty(), errors.mid(0, 10).join('\n').constData());
}

QTEST_GUILESS_MAIN(TestFuzz)
#include "tst_fuzz.moc"
