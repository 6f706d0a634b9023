#include "keycontroller.h"

#include "requestbody.h"

#include "auth/keyring.h"
#include "store/keystore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace wf::api {

namespace {

struct NewKey
{
    QString name;
    auth::Role role = auth::Role::Client;
};

Result<NewKey> parseNewKey(const QJsonValue &body)
{
    if (!body.isObject())
        return Error::invalid(u"the body must be a JSON object {\"name\": \"…\", \"role\": \"client\"|\"operator\"}"_s);
    const QJsonObject object = body.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != u"name"_s && it.key() != u"role"_s)
            return Error::invalid(u"unknown field \"%1\"; a key has \"name\" and \"role\""_s.arg(it.key().left(40)));
    }
    NewKey key;
    const QJsonValue name = object.value(u"name"_s);
    if (!name.isString() || name.toString().trimmed().isEmpty() || name.toString().size() > KeyStore::MaxNameLength)
        return Error::invalid(u"name must be a non-empty string of at most %1 characters"_s.arg(KeyStore::MaxNameLength));
    static const QRegularExpression control(u"[\\x00-\\x1f\\x7f]"_s);
    if (name.toString().contains(control))
        return Error::invalid(u"name must not contain control characters"_s);
    key.name = name.toString().trimmed();
    const QJsonValue role = object.value(u"role"_s);
    const auto parsed = role.isString() ? auth::parseRole(role.toString()) : std::nullopt;
    if (!parsed)
        return Error::invalid(u"role must be \"client\" or \"operator\""_s);
    key.role = *parsed;
    return key;
}

} // namespace

KeyController::KeyController(QObject *context, KeyStore &keys, auth::KeyRing &ring)
    : m_context(context), m_keys(keys), m_ring(ring)
{
}

void KeyController::registerRoutes(http::Router &router)
{
    using namespace http;
    router.add("POST", u"/api/v1/admin/keys"_s, [this](const HttpRequest &request, const PathArgs &, const Reply &reply) {
        create(request, reply);
    });
    router.add("GET", u"/api/v1/admin/keys"_s, [this](const HttpRequest &, const PathArgs &, const Reply &reply) {
        list(reply);
    });
    router.add("DELETE", u"/api/v1/admin/keys/{id}"_s, [this](const HttpRequest &, const PathArgs &args, const Reply &reply) {
        revoke(args.at(0), reply);
    });
}

void KeyController::create(const http::HttpRequest &request, const http::Reply &reply)
{
    const Result<QJsonValue> body = jsonBody(request);
    if (!body)
        return reply.send(http::HttpResponse::error(body.error()));
    const Result<NewKey> key = parseNewKey(*body);
    if (!key)
        return reply.send(http::HttpResponse::error(key.error()));
    const QString createdBy = request.caller.isEmpty() ? u"api"_s : request.caller;
    m_keys.create(m_context, key->name, key->role, createdBy, [this, reply](const Result<CreatedApiKey> &created) {
        if (created)
            m_ring.insert({created->key.id, created->key.name, created->key.role, created->digest});
        reply.send(created, [](const CreatedApiKey &value) {
            QJsonObject object = value.key.toJson();
            object.insert(u"key"_s, QString::fromLatin1(value.token));
            return http::HttpResponse::json(object, 201).withHeader("Cache-Control", "no-store");
        });
    });
}

void KeyController::list(const http::Reply &reply)
{
    m_keys.list(m_context, [reply](const Result<QList<ApiKey>> &keys) {
        reply.send(keys, [](const QList<ApiKey> &all) {
            QJsonArray items;
            for (const ApiKey &key : all)
                items.append(key.toJson());
            return http::HttpResponse::json({{u"items"_s, items}});
        });
    });
}

void KeyController::revoke(const QString &id, const http::Reply &reply)
{
    static const QRegularExpression keyId(u"^[0-9a-f]{12}$"_s);
    if (!keyId.match(id).hasMatch())
        return reply.send(http::HttpResponse::error(Error::notFound(u"API key %1 not found"_s.arg(id.left(40)))));
    m_keys.revoke(m_context, id, [this, reply, id](const Result<ApiKey> &revoked) {
        if (revoked)
            m_ring.remove(id);
        reply.send(revoked, [](const ApiKey &) { return http::HttpResponse::noContent(); });
    });
}

} // namespace wf::api
