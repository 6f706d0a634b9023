#pragma once

#include "core/result.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace wf {

// Where webhook steps may connect. By default only to public addresses: loopback, private,
// link-local (cloud metadata at 169.254.169.254 among them), unique-local, carrier-grade NAT,
// unspecified, multicast and reserved ranges are refused, whatever name led to them, unless an
// allow-list range (WF_WEBHOOK_ALLOW, CIDRs) covers the address. IPv4 written as IPv6
// (::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged as the IPv4 address it carries.
class EgressPolicy
{
public:
    enum class Kind { Public, Loopback, Private, LinkLocal, UniqueLocal, SharedNat, Unspecified, Multicast, Reserved };

    static Kind classify(const QHostAddress &address);
    static QString describe(Kind kind);

    // "127.0.0.0/8, ::1" (a bare address is a /32 or /128); empty: nothing beyond public addresses.
    static Result<EgressPolicy> parse(const QString &allowList);
    EgressPolicy() = default;

    // Done when a connection to `address` is allowed, else why not (naming the setting).
    Status check(const QHostAddress &address) const;
    QString allowList() const { return m_text; }

private:
    QList<QPair<QHostAddress, int>> m_allowed;
    QString m_text;
};

} // namespace wf
