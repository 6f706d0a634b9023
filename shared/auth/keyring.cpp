#include "keyring.h"

#include "apitoken.h"

#include <QObject>

using namespace Qt::StringLiterals;

namespace wf::auth {

void KeyRing::setBootstrapToken(const QByteArray &token)
{
    QMutexLocker lock(&m_mutex);
    m_bootstrapDigest = token.isEmpty() ? QByteArray() : secretDigest(token);
}

void KeyRing::replace(const QList<Entry> &entries)
{
    QHash<QString, Entry> next;
    next.reserve(entries.size());
    for (const Entry &entry : entries)
        next.insert(entry.id, entry);
    decltype(m_waiting) waiting;
    {
        QMutexLocker lock(&m_mutex);
        m_entries.swap(next);
        m_loaded = true;
        waiting.swap(m_waiting);
    }
    for (auto &[context, then] : waiting) {
        if (context)
            QMetaObject::invokeMethod(context.data(), std::move(then), Qt::QueuedConnection);
    }
}

void KeyRing::insert(const Entry &entry)
{
    QMutexLocker lock(&m_mutex);
    m_entries.insert(entry.id, entry);
}

void KeyRing::remove(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    m_entries.remove(id);
}

std::optional<Principal> KeyRing::verify(QByteArrayView token) const
{
    if (const auto parsed = ApiToken::parse(token)) {
        const QByteArray digest = parsed->digest();
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(parsed->id);
        if (it != m_entries.cend() && constantTimeEquals(digest, it->digest))
            return Principal{it->id, it->name, it->role};
        return std::nullopt;
    }
    if (token.isEmpty())
        return std::nullopt;
    const QByteArray digest = secretDigest(token);
    QMutexLocker lock(&m_mutex);
    if (!m_bootstrapDigest.isEmpty() && constantTimeEquals(digest, m_bootstrapDigest))
        return Principal{u"bootstrap"_s, u"WF_ADMIN_TOKEN"_s, Role::Operator};
    return std::nullopt;
}

void KeyRing::afterNextRefresh(QObject *context, std::function<void()> then)
{
    QMutexLocker lock(&m_mutex);
    m_waiting.append({QPointer<QObject>(context), std::move(then)});
}

int KeyRing::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_entries.size());
}

bool KeyRing::loaded() const
{
    QMutexLocker lock(&m_mutex);
    return m_loaded;
}

} // namespace wf::auth
