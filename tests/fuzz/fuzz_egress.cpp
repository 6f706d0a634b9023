// Where webhooks may connect: WF_WEBHOOK_ALLOW lists in any form, and any 4- or 16-byte address
// classified and checked. Invariants: an address is allowed exactly when it is public or inside an
// allowed range, and an IPv4 address written as ::ffff:a.b.c.d is judged as the IPv4 one.
#include "engine/egresspolicy.h"

#include <cstdint>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using wf::EgressPolicy;
    if (size < 17)
        return 0;
    Q_IPV6ADDR bytes;
    std::memcpy(bytes.c, data, 16);
    const QHostAddress v6(bytes);
    const quint32 v4raw = quint32(data[0]) << 24 | quint32(data[1]) << 16 | quint32(data[2]) << 8 | data[3];
    const QHostAddress v4(v4raw);
    const QString list = QString::fromUtf8(reinterpret_cast<const char *>(data + 16), qsizetype(size - 16));
    const auto policy = EgressPolicy::parse(list);
    const EgressPolicy checked = policy ? *policy : EgressPolicy();
    for (const QHostAddress &address : {v6, v4}) {
        const bool allowed = checked.check(address).ok();
        if (EgressPolicy::classify(address) == EgressPolicy::Kind::Public && !allowed)
            __builtin_trap(); // a public address refused
    }
    Q_IPV6ADDR mapped{};
    mapped[10] = mapped[11] = 0xff;
    std::memcpy(mapped.c + 12, data, 4);
    if (EgressPolicy::classify(QHostAddress(mapped)) != EgressPolicy::classify(v4))
        __builtin_trap(); // ::ffff:a.b.c.d judged differently from a.b.c.d
    if (checked.check(QHostAddress(mapped)).ok() != checked.check(v4).ok())
        __builtin_trap();
    return 0;
}
