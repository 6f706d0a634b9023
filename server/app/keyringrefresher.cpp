#include "keyringrefresher.h"

#include "auth/keyring.h"
#include "core/logging.h"
#include "store/keystore.h"

namespace wf::app {

KeyRingRefresher::KeyRingRefresher(KeyStore &keys, auth::KeyRing &ring, int periodMs, QObject *parent)
    : QObject(parent), m_keys(keys), m_ring(ring)
{
    m_timer.setInterval(periodMs);
    connect(&m_timer, &QTimer::timeout, this, &KeyRingRefresher::refresh);
}

void KeyRingRefresher::start()
{
    refresh();
    m_timer.start();
}

void KeyRingRefresher::refresh()
{
    if (m_loading)
        return;
    m_loading = true;
    m_keys.valid(this, [this](const Result<QList<auth::KeyRing::Entry>> &entries) {
        m_loading = false;
        if (!entries) {
            if (!std::exchange(m_failing, true))
                qCWarning(lcServer).noquote() << "cannot reload API keys, keeping the ones known:" << entries.error().detail();
            return;
        }
        if (std::exchange(m_failing, false))
            qCInfo(lcServer) << "API keys reloaded again";
        m_ring.replace(*entries);
    });
}

} // namespace wf::app
