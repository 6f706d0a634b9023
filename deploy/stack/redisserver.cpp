#include "redisserver.h"

#include "childprocess.h"
#include "readiness.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

#include <hiredis/hiredis.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace wf::stack {

namespace {

struct RedisSyncDeleter
{
    void operator()(redisContext *context) const { redisFree(context); }
    void operator()(redisReply *reply) const { freeReplyObject(reply); }
};

// One blocking PING with a short-lived connection; hiredis's sync API has timeouts.
bool answersPing(int port)
{
    const timeval timeout{0, 500 * 1000};
    std::unique_ptr<redisContext, RedisSyncDeleter> context(redisConnectWithTimeout("127.0.0.1", port, timeout));
    if (!context || context->err)
        return false;
    redisSetTimeout(context.get(), timeout);
    std::unique_ptr<redisReply, RedisSyncDeleter> reply(static_cast<redisReply *>(redisCommand(context.get(), "PING")));
    return reply && reply->type == REDIS_REPLY_STATUS && QByteArray(reply->str, qsizetype(reply->len)) == "PONG";
}

} // namespace

ChildProcess *RedisServer::createProcess(const Options &options, QObject *parent)
{
    QDir().mkpath(options.dir);
    ChildProcess::Spec spec;
    spec.name = u"redis"_s;
    spec.program = u"/usr/bin/redis-server"_s;
    if (!QFile::exists(spec.program))
        spec.program = u"redis-server"_s;
    spec.arguments = {u"--bind"_s, u"127.0.0.1"_s,
                      u"--port"_s, QString::number(options.port),
                      // A cache: nothing is saved, a restart starts empty.
                      u"--save"_s, QString(),
                      u"--appendonly"_s, u"no"_s,
                      u"--maxmemory"_s, u"%1mb"_s.arg(options.maxMemoryMb),
                      u"--maxmemory-policy"_s, u"allkeys-lru"_s,
                      u"--dir"_s, options.dir,
                      // Loopback only already; protected mode would refuse nothing more.
                      u"--protected-mode"_s, u"no"_s};
    spec.logFile = options.logFile;
    spec.workingDirectory = options.dir;
    spec.stopSignal = SIGTERM;
    spec.stopTimeoutMs = 10000;
    return new ChildProcess(spec, parent);
}

Status RedisServer::waitReady(const Options &options, int timeoutMs)
{
    return waitUntilAnswering([&] { return answersPing(options.port); }, timeoutMs, u"Redis"_s, options.port, options.logFile);
}

QString RedisServer::url(const Options &options)
{
    return u"redis://127.0.0.1:%1/0"_s.arg(options.port);
}

} // namespace wf::stack
