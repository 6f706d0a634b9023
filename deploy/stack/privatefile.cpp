#include "privatefile.h"

#include <QSaveFile>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace wf::stack {

Status PrivateFile::write(const QString &path, const QByteArray &content)
{
    const mode_t previous = ::umask(077);
    QSaveFile file(path);
    const bool opened = file.open(QIODevice::WriteOnly);
    ::umask(previous);
    if (!opened)
        return Error::unavailable(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(content);
    if (!file.commit())
        return Error::unavailable(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    return Done{};
}

} // namespace wf::stack
