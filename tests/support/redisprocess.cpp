#include "redisprocess.h"

#include "testcluster.h"

#include "stack/childprocess.h"

#include <QDir>
#include <QVarLengthArray>

#include <hiredis/hiredis.h>

#include <csignal>

using namespace Qt::StringLiterals;

namespace wf::test {

namespace {

struct RedisSyncDeleter
{
    void operator()(redisContext *context) const { redisFree(context); }
    void operator()(redisReply *reply) const { freeReplyObject(reply); }
};

} // namespace

RedisProcess::RedisProcess() : m_dir(QDir::tempPath() + u"/wf-redis-XXXXXX"_s)
{
    m_options.dir = m_dir.path();
    m_options.logFile = m_dir.path() + u"/redis.log"_s;
    m_options.port = 0;
    m_options.maxMemoryMb = 64;
}

RedisProcess::~RedisProcess()
{
    // A stopped process would not act on SIGTERM.
    resume();
    stop();
}

QString RedisProcess::start()
{
    if (m_options.port == 0)
        m_options.port = freePort();
    return restart();
}

QString RedisProcess::restart()
{
    stop();
    m_process.reset(stack::RedisServer::createProcess(m_options, nullptr));
    m_process->setSpec([&] {
        auto spec = m_process->spec();
        spec.restart = false;
        return spec;
    }());
    if (!m_process->start())
        return u"cannot start redis-server: "_s + m_process->lastError();
    if (auto status = stack::RedisServer::waitReady(m_options, 15000); !status)
        return status.error().detail();
    return {};
}

void RedisProcess::stop()
{
    if (!m_process)
        return;
    resume();
    m_process->stop();
    m_process->waitStopped(15000);
    m_process.reset();
}

void RedisProcess::kill()
{
    if (!m_process || !m_process->running())
        return;
    sendSignal(m_process->pid(), SIGKILL);
    m_paused = false;
    m_process->waitStopped(5000);
}

void RedisProcess::pause()
{
    if (m_process && m_process->running() && !m_paused) {
        sendSignal(m_process->pid(), SIGSTOP);
        m_paused = true;
    }
}

void RedisProcess::resume()
{
    if (m_process && m_process->running() && m_paused)
        sendSignal(m_process->pid(), SIGCONT);
    m_paused = false;
}

bool RedisProcess::running() const
{
    return m_process && m_process->running();
}

QString RedisProcess::url() const
{
    return stack::RedisServer::url(m_options);
}

RedisReply RedisProcess::command(const QList<QByteArray> &args) const
{
    const timeval timeout{2, 0};
    std::unique_ptr<redisContext, RedisSyncDeleter> context(redisConnectWithTimeout("127.0.0.1", m_options.port, timeout));
    if (!context || context->err)
        return RedisReply::makeError(context ? QByteArray(context->errstr) : QByteArray("cannot connect"));
    redisSetTimeout(context.get(), timeout);
    if (!m_password.isEmpty()) {
        const char *auth[] = {"AUTH", m_password.constData()};
        const size_t authLengths[] = {4, size_t(m_password.size())};
        std::unique_ptr<redisReply, RedisSyncDeleter> reply(
                static_cast<redisReply *>(redisCommandArgv(context.get(), 2, auth, authLengths)));
        if (!reply || reply->type == REDIS_REPLY_ERROR)
            return RedisReply::makeError("AUTH failed");
    }
    QVarLengthArray<const char *, 8> argv;
    QVarLengthArray<size_t, 8> lengths;
    for (const QByteArray &arg : args) {
        argv.append(arg.constData());
        lengths.append(size_t(arg.size()));
    }
    std::unique_ptr<redisReply, RedisSyncDeleter> reply(
            static_cast<redisReply *>(redisCommandArgv(context.get(), int(argv.size()), argv.data(), lengths.data())));
    if (!reply)
        return RedisReply::makeError(QByteArray(context->errstr));
    return RedisReply::fromHiredis(reply.get());
}

int RedisProcess::keyCount() const
{
    const RedisReply reply = command({"DBSIZE"_ba});
    return reply.type() == RedisReply::Type::Integer ? int(reply.integer()) : -1;
}

bool RedisProcess::exists(const QByteArray &key) const
{
    const RedisReply reply = command({"EXISTS"_ba, key});
    return reply.type() == RedisReply::Type::Integer && reply.integer() == 1;
}

QByteArray RedisProcess::get(const QByteArray &key) const
{
    const RedisReply reply = command({"GET"_ba, key});
    return reply.isString() ? reply.bytes() : QByteArray();
}

} // namespace wf::test
