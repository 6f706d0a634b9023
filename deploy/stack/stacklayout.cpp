#include "stacklayout.h"

#include "operatorkeyfile.h"
#include "servicedir.h"
#include "stackoptions.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wf::stack {

namespace {

const QString kNginxParent = u"/var/lib/nginx"_s;

} // namespace

StackLayout::StackLayout(const StackOptions &options)
    : m_stateDir(options.stateDir),
      m_statePath(options.statePath()),
      m_logDir(options.logDir()),
      m_postgresHome(ServiceDir::home(u"postgres"_s, u"/var/lib/postgresql"_s)),
      m_postgres(ServiceDir::locate(m_stateDir + u"/postgres"_s, m_postgresHome)),
      m_pgbouncer(ServiceDir::locate(m_stateDir + u"/pgbouncer"_s, m_postgresHome)),
      m_nginxBuffers(ServiceDir::locate(m_stateDir + u"/nginx-buffers"_s, kNginxParent))
{
}

QString StackLayout::passwordFile() const
{
    return m_stateDir + u"/pgpass"_s;
}

Status StackLayout::prepare()
{
    if (!QDir().mkpath(m_stateDir))
        return Error::unavailable(u"cannot create "_s + m_stateDir);
    m_postgres = ServiceDir::place(m_stateDir + u"/postgres"_s, m_postgresHome);
    m_pgbouncer = ServiceDir::place(m_stateDir + u"/pgbouncer"_s, m_postgresHome);
    m_nginxBuffers = ServiceDir::place(m_stateDir + u"/nginx-buffers"_s, kNginxParent);
    bool enterable = false;
    for (const QString &dir : serviceDirs())
        enterable = enterable || (::geteuid() == 0 && ServiceDir::insideStateDir(dir, m_stateDir));
    // Others may pass (not list or read) only while an older service folder could not be moved.
    if (::chmod(QFile::encodeName(m_stateDir).constData(), enterable ? 0711 : 0700) != 0)
        return Error::unavailable(u"cannot set the mode of "_s + m_stateDir);
    return Done{};
}

Status StackLayout::purge() const
{
    // Only what the stack made, by name: a state directory set to a folder with other things in
    // it (a home, say) loses nothing else.
    QStringList failed;
    QStringList dirs = serviceDirs();
    for (const char *name : {"postgres", "pgbouncer", "nginx-buffers", "nginx", "redis"})
        dirs << m_stateDir + u'/' + QString::fromLatin1(name);
    dirs << m_logDir;
    for (const QString &dir : std::as_const(dirs)) {
        if (QFileInfo(dir).isDir() && !QDir(dir).removeRecursively())
            failed << dir;
    }
    for (const QString &file : {m_statePath, OperatorKeyFile::path(m_stateDir), passwordFile()}) {
        if (QFileInfo::exists(file) && !QFile::remove(file))
            failed << file;
    }
    QDir().rmdir(m_stateDir); // when nothing else is in it
    if (!failed.isEmpty())
        return Error::unavailable(u"cannot delete "_s + failed.join(u", "_s));
    return Done{};
}

} // namespace wf::stack
