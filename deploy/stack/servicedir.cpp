#include "servicedir.h"

#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wf::stack {

QString ServiceDir::locate(const QString &preferred, const QString &parent)
{
    if (::geteuid() != 0)
        return preferred;
    const QString absolute = QFileInfo(preferred).absoluteFilePath();
    return parent + u"/wf-platform-"_s + QString::number(qHash(absolute.toUtf8()), 16);
}

QString ServiceDir::place(const QString &preferred, const QString &parent)
{
    const QString target = locate(preferred, parent);
    const QString absolute = QFileInfo(preferred).absoluteFilePath();
    if (target != preferred && QFileInfo(absolute).isDir() && !QFileInfo::exists(target)) {
        // Left in the state directory by a version that kept that directory enterable.
        QDir().mkpath(parent);
        if (std::rename(QFile::encodeName(absolute).constData(), QFile::encodeName(target).constData()) != 0) {
            qCWarning(lcCore).noquote() << u"cannot move %1 to %2: it stays, and so the state directory stays enterable"_s
                                               .arg(absolute, target);
            return absolute;
        }
        qCInfo(lcCore).noquote() << u"moved %1 to %2"_s.arg(absolute, target);
    }
    return target;
}

bool ServiceDir::insideStateDir(const QString &path, const QString &stateDir)
{
    const QString root = QFileInfo(stateDir).absoluteFilePath() + u'/';
    return QFileInfo(path).absoluteFilePath().startsWith(root);
}

Status ServiceDir::prepare(const QString &path, const QString &account)
{
    if (!QDir().mkpath(path))
        return Error::unavailable(u"cannot create "_s + path);
    const QByteArray native = QFile::encodeName(path);
    if (::geteuid() == 0) {
        const passwd *entry = ::getpwnam(account.toLocal8Bit().constData());
        if (!entry)
            return Error::unavailable(u"user %1 does not exist"_s.arg(account));
        if (::chown(native.constData(), entry->pw_uid, entry->pw_gid) != 0)
            return Error::unavailable(u"cannot hand %1 to the user %2"_s.arg(path, account));
    }
    ::chmod(native.constData(), 0700);
    return Done{};
}

Status ServiceDir::writeFile(const QString &path, const QByteArray &content, const QString &account)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error::unavailable(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(content);
    file.close();
    if (::geteuid() == 0) {
        const passwd *entry = ::getpwnam(account.toLocal8Bit().constData());
        if (!entry || ::chown(QFile::encodeName(path).constData(), entry->pw_uid, entry->pw_gid) != 0)
            return Error::unavailable(u"cannot hand %1 to the user %2"_s.arg(path, account));
    }
    return Done{};
}

QString ServiceDir::home(const QString &account, const QString &fallback)
{
    const passwd *entry = ::getpwnam(account.toLocal8Bit().constData());
    return entry && entry->pw_dir && *entry->pw_dir ? QString::fromLocal8Bit(entry->pw_dir) : fallback;
}

} // namespace wf::stack
