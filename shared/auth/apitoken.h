#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace wf::auth {

// An API key as a client holds it: "wf_<id>_<secret>", the id (12 hex digits) public, the secret
// 32 random bytes in base64url. Only the secret's SHA-256 is stored: the secret is random and long,
// so a fast hash is enough and a stolen table gives nothing to guess from.
struct ApiToken
{
    QString id;
    QByteArray secret;

    // A new key from the system's random source.
    static ApiToken generate();
    // The parts of a token as sent; nullopt when it is not in the format above.
    static std::optional<ApiToken> parse(QByteArrayView text);

    QByteArray text() const;
    QByteArray digest() const; // hex SHA-256 of the secret, as stored
};

// SHA-256 (hex) of any secret, e.g. a configured bootstrap token.
QByteArray secretDigest(QByteArrayView secret);
// Equality whose time depends only on the lengths, not on where the inputs differ.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
// True for values that look like credentials: our own keys, bearer/basic schemes, long tokens
// of key-like characters. Used to redact what is echoed back or logged.
bool looksSecret(const QString &headerName, const QString &value);

} // namespace wf::auth
