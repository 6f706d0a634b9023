#pragma once

#include "principal.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QPointer>

#include <functional>
#include <optional>

class QObject;

namespace wf::auth {

// The keys that are valid right now, shared by every API thread of a process. Its owner replaces
// the whole set from the database often (revocation reaches every replica within that period);
// lookups are by the public id, and the secret's digest is compared in constant time.
class KeyRing
{
public:
    struct Entry
    {
        QString id;
        QString name;
        Role role = Role::Client;
        QByteArray digest; // ApiToken::digest()
    };

    // A configured token that is an operator key without being in the database (WF_ADMIN_TOKEN);
    // empty: none.
    void setBootstrapToken(const QByteArray &token);
    void replace(const QList<Entry> &entries);
    void insert(const Entry &entry);
    void remove(const QString &id);

    // The caller a bearer token belongs to; nullopt for anything unknown, revoked or malformed.
    std::optional<Principal> verify(QByteArrayView token) const;
    // Runs `then` on `context`'s thread after the next replace() (a key created on another
    // replica a moment ago is known then), or not at all if `context` is gone by then.
    void afterNextRefresh(QObject *context, std::function<void()> then);
    int size() const;
    bool loaded() const;

private:
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    QByteArray m_bootstrapDigest;
    bool m_loaded = false;
    QList<std::pair<QPointer<QObject>, std::function<void()>>> m_waiting;
};

} // namespace wf::auth
