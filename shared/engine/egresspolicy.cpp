#include "egresspolicy.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

bool in(const QHostAddress &address, const char *subnet)
{
    return address.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(subnet)));
}

// The IPv4 address an IPv6 one stands for, if it is one of the forms that carry one.
std::optional<QHostAddress> embeddedIpv4(const QHostAddress &address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return std::nullopt;
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped); // ::ffff:a.b.c.d
    if (mapped)
        return QHostAddress(v4);
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    const auto fromBytes = [&](int at) {
        return QHostAddress(quint32(bytes[at]) << 24 | quint32(bytes[at + 1]) << 16 | quint32(bytes[at + 2]) << 8 | bytes[at + 3]);
    };
    if (in(address, "64:ff9b::/96"))
        return fromBytes(12);
    if (in(address, "2002::/16"))
        return fromBytes(2);
    // ::a.b.c.d (deprecated IPv4-compatible), except :: and ::1 themselves.
    if (in(address, "::/96") && !in(address, "::/127"))
        return fromBytes(12);
    return std::nullopt;
}

} // namespace

EgressPolicy::Kind EgressPolicy::classify(const QHostAddress &raw)
{
    QHostAddress address = raw;
    address.setScopeId({});
    if (const auto v4 = embeddedIpv4(address))
        address = *v4;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        if (in(address, "0.0.0.0/8"))
            return Kind::Unspecified;
        if (in(address, "127.0.0.0/8"))
            return Kind::Loopback;
        if (in(address, "10.0.0.0/8") || in(address, "172.16.0.0/12") || in(address, "192.168.0.0/16"))
            return Kind::Private;
        if (in(address, "169.254.0.0/16"))
            return Kind::LinkLocal;
        if (in(address, "100.64.0.0/10"))
            return Kind::SharedNat;
        if (in(address, "224.0.0.0/4"))
            return Kind::Multicast;
        // IETF protocol assignments, documentation, benchmarking, 6to4 relay, class E and broadcast.
        if (in(address, "192.0.0.0/24") || in(address, "192.0.2.0/24") || in(address, "198.18.0.0/15")
            || in(address, "198.51.100.0/24") || in(address, "203.0.113.0/24") || in(address, "192.88.99.0/24")
            || in(address, "240.0.0.0/4"))
            return Kind::Reserved;
        return Kind::Public;
    }
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return Kind::Reserved;
    if (address == QHostAddress(QHostAddress::AnyIPv6))
        return Kind::Unspecified;
    if (address == QHostAddress(QHostAddress::LocalHostIPv6))
        return Kind::Loopback;
    if (in(address, "fe80::/10"))
        return Kind::LinkLocal;
    if (in(address, "fc00::/7") || in(address, "fec0::/10")) // unique-local, and the old site-local
        return Kind::UniqueLocal;
    if (in(address, "ff00::/8"))
        return Kind::Multicast;
    // Only the global unicast block is routable on the internet; documentation, discard-only,
    // Teredo, ORCHID and all that is not assigned count as reserved.
    if (!in(address, "2000::/3") || in(address, "2001:db8::/32") || in(address, "2001::/32") || in(address, "2001:10::/28")
        || in(address, "2001:20::/28") || in(address, "3fff::/20"))
        return Kind::Reserved;
    if (in(address, "100::/64"))
        return Kind::Reserved;
    return Kind::Public;
}

QString EgressPolicy::describe(Kind kind)
{
    switch (kind) {
    case Kind::Public: return u"a public address"_s;
    case Kind::Loopback: return u"a loopback address"_s;
    case Kind::Private: return u"a private address"_s;
    case Kind::LinkLocal: return u"a link-local address (cloud metadata lives there)"_s;
    case Kind::UniqueLocal: return u"a unique-local address"_s;
    case Kind::SharedNat: return u"a carrier-grade NAT address"_s;
    case Kind::Unspecified: return u"the unspecified address"_s;
    case Kind::Multicast: return u"a multicast address"_s;
    case Kind::Reserved: return u"a reserved address"_s;
    }
    return {};
}

Result<EgressPolicy> EgressPolicy::parse(const QString &allowList)
{
    EgressPolicy policy;
    QStringList normalized;
    for (const QString &part : allowList.split(u',', Qt::SkipEmptyParts)) {
        const QString text = part.trimmed();
        if (text.isEmpty())
            continue;
        QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(text);
        if (subnet.first.isNull()) {
            // A bare address: exactly that one.
            const QHostAddress single(text);
            if (single.isNull())
                return Error::invalid(u"WF_WEBHOOK_ALLOW: \"%1\" is not an address or CIDR range (e.g. 127.0.0.0/8, ::1)"_s.arg(text.left(60)));
            subnet = {single, single.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        }
        policy.m_allowed.append(subnet);
        normalized.append(subnet.first.toString() + u'/' + QString::number(subnet.second));
    }
    policy.m_text = normalized.join(u","_s);
    return policy;
}

Status EgressPolicy::check(const QHostAddress &raw) const
{
    QHostAddress address = raw;
    address.setScopeId({});
    // The address in both its forms, so that 10.0.0.1 and ::ffff:10.0.0.1 meet the same ranges.
    QList<QHostAddress> forms{address};
    if (const auto v4 = embeddedIpv4(address))
        forms.append(*v4);
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        forms.append(QHostAddress(u"::ffff:"_s + address.toString()));
    for (const auto &subnet : m_allowed) {
        for (const QHostAddress &form : std::as_const(forms)) {
            if (form.isInSubnet(subnet))
                return Done{};
        }
    }
    const Kind kind = classify(address);
    if (kind == Kind::Public)
        return Done{};
    return Error::invalid(u"%1, %2, which webhooks may not reach (allowed beyond public addresses: %3; WF_WEBHOOK_ALLOW)"_s
                                  .arg(raw.toString(), describe(kind), m_text.isEmpty() ? u"none"_s : m_text));
}

} // namespace wf
