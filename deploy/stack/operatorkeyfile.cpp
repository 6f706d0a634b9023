#include "operatorkeyfile.h"

#include "core/logging.h"

#include "db/runonce.h"
#include "store/keystore.h"

#include <QFile>
#include <QSaveFile>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace wf::stack {

QString OperatorKeyFile::path(const QString &stateDir)
{
    return stateDir + u"/operator.token"_s;
}

Status OperatorKeyFile::ensure(const QString &databaseUrl, const QString &path)
{
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        const QByteArray token = existing.readAll().trimmed();
        const Result<ApiKey> valid = db::runOnce<ApiKey>(databaseUrl, [&](db::DbConnection &connection) {
            return KeyStore::find(connection, token);
        });
        if (valid && valid->role == auth::Role::Operator)
            return Done{};
        if (!valid && valid.error().kind() == Error::Kind::Unavailable)
            return valid.error();
        qCInfo(lcCore).noquote() << u"%1 holds no valid operator key any more: making a new one"_s.arg(path);
    }
    const Result<CreatedApiKey> created = db::runOnce<CreatedApiKey>(databaseUrl, [](db::DbConnection &connection) {
        return KeyStore::create(connection, u"local stack operator"_s, auth::Role::Operator, u"wf-stack"_s);
    });
    if (!created)
        return created.error();
    // Created 0600 before the secret is in it: no moment at which another account could read it.
    const mode_t previous = ::umask(077);
    QSaveFile file(path);
    const bool opened = file.open(QIODevice::WriteOnly);
    ::umask(previous);
    if (!opened)
        return Error::unavailable(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(created->token + '\n');
    if (!file.commit())
        return Error::unavailable(u"cannot write %1: %2"_s.arg(path, file.errorString()));
    qCInfo(lcCore).noquote() << u"operator key %1 written to %2 (mode 0600)"_s.arg(created->key.id, path);
    return Done{};
}

} // namespace wf::stack
