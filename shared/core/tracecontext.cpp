#include "tracecontext.h"

#include <QList>
#include <QRandomGenerator>

namespace wf {

namespace {

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return raw.toHex();
}

bool isHex(const QByteArray &text)
{
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace

bool TraceContext::isValid(const QByteArray &traceparent)
{
    const QList<QByteArray> parts = traceparent.split('-');
    if (parts.size() != 4 || parts[0] != "00" || parts[1].size() != 32 || parts[2].size() != 16 || parts[3].size() != 2)
        return false;
    if (!isHex(parts[1]) || !isHex(parts[2]) || !isHex(parts[3]))
        return false;
    return parts[1] != QByteArray(32, '0') && parts[2] != QByteArray(16, '0');
}

QByteArray TraceContext::traceId(const QByteArray &traceparent)
{
    return isValid(traceparent) ? traceparent.split('-').at(1) : QByteArray();
}

QByteArray TraceContext::continueFrom(const QByteArray &header)
{
    const QByteArray trace = isValid(header.trimmed()) ? header.trimmed().split('-').at(1) : randomHex(16);
    return QByteArray("00-") + trace + '-' + randomHex(8) + "-01";
}

} // namespace wf
