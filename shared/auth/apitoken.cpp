#include "apitoken.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace wf::auth {

namespace {

constexpr int kIdBytes = 6;
constexpr int kSecretBytes = 32;
constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data()) + count / 4);
    for (int i = count / 4 * 4; i < count; ++i)
        bytes[i] = char(QRandomGenerator::system()->bounded(256));
    return bytes;
}

bool isHex(QByteArrayView text)
{
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace

ApiToken ApiToken::generate()
{
    return {QString::fromLatin1(randomBytes(kIdBytes).toHex()), randomBytes(kSecretBytes).toBase64(kBase64)};
}

std::optional<ApiToken> ApiToken::parse(QByteArrayView text)
{
    // wf_ + 12 hex + _ + 43 base64url
    if (text.size() != 3 + 2 * kIdBytes + 1 + 43 || !text.startsWith("wf_") || text.at(3 + 2 * kIdBytes) != '_')
        return std::nullopt;
    const QByteArrayView id = text.sliced(3, 2 * kIdBytes);
    const QByteArrayView secret = text.sliced(3 + 2 * kIdBytes + 1);
    if (!isHex(id))
        return std::nullopt;
    for (char c : secret) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return std::nullopt;
    }
    return ApiToken{QString::fromLatin1(id), secret.toByteArray()};
}

QByteArray ApiToken::text() const
{
    return "wf_" + id.toLatin1() + '_' + secret;
}

QByteArray ApiToken::digest() const
{
    return secretDigest(secret);
}

QByteArray secretDigest(QByteArrayView secret)
{
    return QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex();
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

bool looksSecret(const QString &headerName, const QString &value)
{
    static const QRegularExpression secretName(
            u"authorization|api[-_]?key|token|secret|password|passwd|cookie|signature|credential"_s,
            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression scheme(u"^(bearer|basic|digest|token)(\\s+|$)"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression templates(u"\\$\\{[^}]*\\}"_s);
    static const QRegularExpression keyLike(u"^[A-Za-z0-9+/=_.:-]{32,}$"_s);
    // A template ("Bearer ${payload.token}") names where the secret comes from; it is not one.
    QString literal = value;
    literal.remove(templates);
    literal = literal.trimmed();
    const QRegularExpressionMatch schemeMatch = scheme.match(literal);
    const QString rest = schemeMatch.hasMatch() ? literal.mid(schemeMatch.capturedLength()).trimmed() : literal;
    if (rest.isEmpty())
        return false;
    if (schemeMatch.hasMatch() || secretName.match(headerName).hasMatch())
        return true;
    return rest.startsWith(u"wf_"_s) || keyLike.match(rest).hasMatch();
}

} // namespace wf::auth
