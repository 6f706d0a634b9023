#include "operatorkeyfile.h"

#include "privatefile.h"

#include "core/logging.h"

#include "db/runonce.h"
#include "store/keystore.h"

#include <QFile>

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
    if (auto written = PrivateFile::write(path, created->token + '\n'); !written)
        return written;
    qCInfo(lcCore).noquote() << u"operator key %1 written to %2 (mode 0600)"_s.arg(created->key.id, path);
    return Done{};
}

} // namespace wf::stack
