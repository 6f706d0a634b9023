#pragma once

#include "auth/role.h"

#include <QJsonObject>
#include <QString>

namespace wf {

// An API key as the list shows it: never its secret.
struct ApiKey
{
    QString id;
    QString name;
    auth::Role role = auth::Role::Client;
    QString createdBy;
    qint64 createdAtMicros = 0;
    qint64 revokedAtMicros = 0; // 0: valid

    // {"id","name","role","prefix","created_by","created_at","revoked_at"}
    QJsonObject toJson() const;
};

// A key just created: the only moment its secret exists outside the client.
struct CreatedApiKey
{
    ApiKey key;
    QByteArray token;
    QByteArray digest; // what is stored of it (ApiToken::digest())
};

} // namespace wf
