#include "nginx.h"

#include "childprocess.h"
#include "servicedir.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wf::stack {

namespace {

constexpr const char *kTemporaryFolders[] = {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"};

QString temporaryDir(const Nginx::Options &options)
{
    return options.temporaryDir.isEmpty() ? options.dir : options.temporaryDir;
}

} // namespace

QString Nginx::program()
{
    return QFile::exists(u"/usr/sbin/nginx"_s) ? u"/usr/sbin/nginx"_s : u"nginx"_s;
}

QString Nginx::configText(const Options &options, const QList<int> &upstreamPorts)
{
    QString upstream;
    for (int port : upstreamPorts)
        upstream += u"        server 127.0.0.1:%1 max_fails=0;\n"_s.arg(port);
    // An upstream block needs a server: with no replica, a closed port makes nginx answer 502,
    // which the error page below turns into a JSON 503.
    if (upstreamPorts.isEmpty())
        upstream = u"        server 127.0.0.1:1 down;\n"_s;
    // nginx's own figures (connections, requests), on loopback only.
    const QString status = options.statusPort <= 0 ? QString() : uR"(
    server {
        listen 127.0.0.1:%1;
        location = /nginx_status {
            stub_status;
        }
        location / {
            return 404;
        }
    }
)"_s.arg(options.statusPort);
    QString temporaryPaths;
    for (const char *temp : kTemporaryFolders)
        temporaryPaths += u"    %1_temp_path %2/%1;\n"_s.arg(QString::fromLatin1(temp), temporaryDir(options));
    temporaryPaths.chop(1);
    const bool root = ::geteuid() == 0;
    const QString user = root ? u"user www-data;\n"_s : QString();
    return user + uR"(worker_processes auto;
worker_rlimit_nofile %1;
pid %2/nginx.pid;
error_log %3/nginx-error.log warn;
daemon off;

events {
    worker_connections %4;
    multi_accept on;
}

http {
    access_log off;
%10

    client_max_body_size %5;
    client_body_buffer_size 64k;
    keepalive_timeout 65s;
    keepalive_requests 100000;
    server_tokens off;

    upstream wf_api {
        least_conn;
%6        keepalive 512;
        keepalive_requests 100000;
        keepalive_timeout 60s;
    }

    server {
        listen %7:%8 backlog=4096 reuseport;

        location / {
            proxy_pass http://wf_api;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            # Under a burst of thousands of clients a replica's accept queue fills and a SYN is
            # retransmitted after 1 s, 3 s: a connect timeout of seconds, not of a fraction.
            proxy_connect_timeout 10s;
            proxy_send_timeout 30s;
            proxy_read_timeout 60s;
            # Another replica on failure; nginx does this only for requests that are idempotent or
            # were not sent yet (no "non_idempotent"): a POST is never executed twice.
            proxy_next_upstream error timeout http_502 http_503 http_504;
            proxy_next_upstream_tries 3;
            proxy_next_upstream_timeout 30s;
            proxy_buffering on;
        }

        error_page 413 @too_large;
        error_page 502 503 @unavailable;
        error_page 504 @timeout;
        location @too_large {
            default_type application/json;
            return 413 '{"detail":"request body is larger than the limit of %5 bytes"}';
        }
        location @unavailable {
            default_type application/json;
            add_header Retry-After 1 always;
            return 503 '{"detail":"no API replica is available; try again shortly"}';
        }
        location @timeout {
            default_type application/json;
            return 504 '{"detail":"the API replica did not answer in time"}';
        }
    }
%9}
)"_s.arg(options.fileLimit)
            .arg(options.dir, options.logDir)
            .arg(options.workerConnections)
            .arg(options.maxBodyBytes)
            .arg(upstream, options.host)
            .arg(options.port)
            .arg(status)
            .arg(temporaryPaths);
}

Status Nginx::writeConfig(const Options &options, const QList<int> &upstreamPorts)
{
    QDir().mkpath(options.dir);
    QDir().mkpath(options.logDir);
    // nginx's master (root) appends to its error log: made here, it keeps the owner-only mode.
    QFile errorLog(options.logDir + u"/nginx-error.log"_s);
    if (errorLog.open(QIODevice::Append))
        errorLog.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // The workers run as www-data (when root starts nginx) and buffer bodies here.
    if (auto status = ServiceDir::prepare(temporaryDir(options), u"www-data"_s); !status)
        return status;
    for (const char *temp : kTemporaryFolders) {
        if (auto status = ServiceDir::prepare(temporaryDir(options) + u'/' + QString::fromLatin1(temp), u"www-data"_s); !status)
            return status;
    }
    QSaveFile file(options.dir + u"/nginx.conf"_s);
    if (!file.open(QIODevice::WriteOnly))
        return Error::unavailable(u"cannot write "_s + file.fileName());
    file.write(configText(options, upstreamPorts).toUtf8());
    if (!file.commit())
        return Error::unavailable(u"cannot write "_s + file.fileName());
    return Done{};
}

ChildProcess *Nginx::createProcess(const Options &options, QObject *parent)
{
    ChildProcess::Spec spec;
    spec.name = u"nginx"_s;
    spec.program = program();
    spec.arguments = {u"-c"_s, options.dir + u"/nginx.conf"_s, u"-p"_s, options.dir};
    spec.logFile = options.logDir + u"/nginx.log"_s;
    // SIGQUIT: graceful shutdown (finish requests in flight).
    spec.stopSignal = SIGQUIT;
    // SIGTERM (fast shutdown) if the supervisor dies: the master then stops its workers too;
    // SIGKILL would leave them running, orphaned.
    spec.parentDeathSignal = SIGTERM;
    spec.stopTimeoutMs = 15000;
    return new ChildProcess(spec, parent);
}

QList<qint64> Nginx::workers(qint64 masterPid)
{
    QList<qint64> pids;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        // fields[0] = state, fields[1] = parent pid
        if (fields.size() > 1 && fields[1].toLongLong() == masterPid && fields[0] != "Z")
            pids.append(pid);
    }
    return pids;
}

} // namespace wf::stack
