#include "logging.h"

#include "json.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

#include <cstdio>

Q_LOGGING_CATEGORY(lcCore, "wf.core")
Q_LOGGING_CATEGORY(lcDb, "wf.db")
Q_LOGGING_CATEGORY(lcServer, "wf.server")
Q_LOGGING_CATEGORY(lcHttp, "wf.server.http")
Q_LOGGING_CATEGORY(lcKafka, "wf.kafka")
Q_LOGGING_CATEGORY(lcOutbox, "wf.outbox")
Q_LOGGING_CATEGORY(lcWorker, "wf.worker")
Q_LOGGING_CATEGORY(lcRun, "wf.run", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace wf::logging {

namespace {

QString g_processName;
bool g_json = false;
thread_local const QJsonObject *t_fields = nullptr; // event()'s fields while its line is written

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QByteArray line;
    if (g_json) {
        QJsonObject object{{u"ts"_s, now},
                           {u"level"_s, QString::fromLatin1(levelName(type))},
                           {u"category"_s, QString::fromLatin1(context.category ? context.category : "default")},
                           {u"process"_s, g_processName},
                           {u"pid"_s, QCoreApplication::applicationPid()},
                           {u"msg"_s, message}};
        if (t_fields)
            for (auto it = t_fields->constBegin(); it != t_fields->constEnd(); ++it)
                if (!object.contains(it.key()))
                    object.insert(it.key(), it.value());
        line = json::serialize(object);
    } else {
        line = now.toUtf8() + ' ' + levelName(type) + ' ' + g_processName.toUtf8() + '['
                + QByteArray::number(QCoreApplication::applicationPid()) + "] "
                + (context.category ? context.category : "default") + ": " + message.toUtf8();
        if (t_fields) {
            for (auto it = t_fields->constBegin(); it != t_fields->constEnd(); ++it) {
                const QJsonValue value = it.value();
                line += ' ' + it.key().toUtf8() + '='
                        + (value.isString() ? value.toString().toUtf8()
                                            : json::serialize(value));
            }
        }
    }
    line.append('\n');
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

void event(const QLoggingCategory &category, const QString &message, const QJsonObject &fields)
{
    if (!category.isInfoEnabled())
        return;
    t_fields = &fields;
    QMessageLogger(nullptr, 0, nullptr, category.categoryName()).info().noquote() << message;
    t_fields = nullptr;
}

void install(const QString &format, const QString &processName)
{
    g_processName = processName;
    g_json = format == u"json"_s;
    qInstallMessageHandler(handler);
}

} // namespace wf::logging
