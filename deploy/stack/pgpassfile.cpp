#include "pgpassfile.h"

#include "privatefile.h"

#include <QFile>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace wf::stack {

namespace {

// The password of `role` in pgpass text (roles with ':' or '\\' are escaped as libpq reads them).
QByteArray passwordIn(const QByteArray &text, const QByteArray &escapedRole)
{
    const QByteArray prefix = "*:*:*:" + escapedRole + ':';
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size());
    }
    return {};
}

} // namespace

Result<QByteArray> PgPassFile::ensure(const QString &path, const QString &role)
{
    const QByteArray escapedRole = role.toUtf8().replace('\\', "\\\\").replace(':', "\\:");
    QByteArray text;
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        text = existing.readAll();
        if (const QByteArray password = passwordIn(text, escapedRole); !password.isEmpty())
            return password;
    }
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(random.data()),
                                         reinterpret_cast<quint32 *>(random.data() + random.size()));
    // base64url has neither ':' nor '\\', so the password needs no escaping.
    const QByteArray password = random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!text.isEmpty() && !text.endsWith('\n'))
        text += '\n';
    text += "*:*:*:" + escapedRole + ':' + password + '\n';
    if (auto written = PrivateFile::write(path, text); !written)
        return written.error();
    return password;
}

} // namespace wf::stack
