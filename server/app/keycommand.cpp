#include "keycommand.h"

#include "db/migrator.h"
#include "db/runonce.h"
#include "store/keystore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace wf::app {

namespace {

int fail(const QString &message, int code = 1)
{
    QTextStream(stderr) << "wf-server keys: " << message << Qt::endl;
    return code;
}

} // namespace

int KeyCommand::run(const Settings &settings, int databaseWaitSeconds) const
{
    const QString usage = u"usage: wf-server keys create --name <name> --role client|operator | keys list [--json] | keys revoke <id>"_s;
    const QString verb = arguments.value(0);
    if (verb != u"create"_s && verb != u"list"_s && verb != u"revoke"_s)
        return fail(usage, 2);
    if ((verb == u"revoke"_s) != (arguments.size() == 2) || (verb != u"revoke"_s && arguments.size() != 1))
        return fail(usage, 2);
    if (const auto applied = db::Migrator::migrateWhenReady(settings.databaseUrl, databaseWaitSeconds); !applied)
        return fail(applied.error().detail());
    QTextStream out(stdout);

    if (verb == u"create"_s) {
        const auto parsedRole = auth::parseRole(role);
        if (!parsedRole)
            return fail(u"--role must be client or operator"_s, 2);
        if (name.trimmed().isEmpty() || name.size() > KeyStore::MaxNameLength)
            return fail(u"--name must be 1 to %1 characters"_s.arg(KeyStore::MaxNameLength), 2);
        const Result<CreatedApiKey> created = db::runOnce<CreatedApiKey>(settings.databaseUrl, [&](db::DbConnection &connection) {
            return KeyStore::create(connection, name.trimmed(), *parsedRole, u"wf-server keys"_s);
        });
        if (!created)
            return fail(created.error().detail());
        QTextStream(stderr) << "created " << auth::roleName(created->key.role) << " key " << created->key.id << " (\""
                            << created->key.name << "\"); it is shown only now:" << Qt::endl;
        out << created->token << Qt::endl;
        return 0;
    }
    if (verb == u"revoke"_s) {
        const QString id = arguments.at(1);
        const Result<ApiKey> revoked = db::runOnce<ApiKey>(settings.databaseUrl, [&](db::DbConnection &connection) {
            return KeyStore::revoke(connection, id);
        });
        if (!revoked)
            return fail(revoked.error().detail());
        out << "revoked " << revoked->id << " (\"" << revoked->name << "\")" << Qt::endl;
        return 0;
    }
    const Result<QList<ApiKey>> keys =
            db::runOnce<QList<ApiKey>>(settings.databaseUrl, [](db::DbConnection &connection) { return KeyStore::list(connection); });
    if (!keys)
        return fail(keys.error().detail());
    if (json) {
        QJsonArray items;
        for (const ApiKey &key : *keys)
            items.append(key.toJson());
        out << QJsonDocument(QJsonObject{{u"items"_s, items}}).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << u"%1  %2  %3  %4  %5"_s.arg(u"id"_s, -12).arg(u"role"_s, -8).arg(u"created"_s, -27).arg(u"revoked"_s, -27).arg(u"name"_s)
        << Qt::endl;
    for (const ApiKey &key : *keys) {
        const QJsonObject shown = key.toJson();
        out << u"%1  %2  %3  %4  %5"_s.arg(key.id, -12)
                        .arg(auth::roleName(key.role), -8)
                        .arg(shown.value(u"created_at"_s).toString(), -27)
                        .arg(key.revokedAtMicros ? shown.value(u"revoked_at"_s).toString() : u"-"_s, -27)
                        .arg(key.name)
            << Qt::endl;
    }
    return 0;
}

} // namespace wf::app
