#pragma once

#include <QObject>
#include <QTimer>

namespace wf {
class KeyStore;
namespace auth {
class KeyRing;
}
}

namespace wf::app {

// Reloads the process's KeyRing from api_keys every `periodMs`: a key revoked on any replica is
// refused here within that period. A failed load keeps the keys known before (a database
// outage does not lock operators out of what still works).
class KeyRingRefresher : public QObject
{
public:
    KeyRingRefresher(KeyStore &keys, auth::KeyRing &ring, int periodMs, QObject *parent = nullptr);
    void start();

private:
    void refresh();

    KeyStore &m_keys;
    auth::KeyRing &m_ring;
    QTimer m_timer;
    bool m_loading = false;
    bool m_failing = false;
};

} // namespace wf::app
