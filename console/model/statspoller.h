#pragma once

#include "clustersnapshot.h"
#include "statshistory.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <optional>

class QTimer;

namespace wf::console {

class ApiClient;

// Keeps the live picture of one platform: GET /api/v1/admin/stats and the recent history once a
// second (the first history request fetches the last 15 minutes, later ones only what is new).
// Never more than one request of each kind in flight, so a slow or hung platform costs one
// pending request, not a pile; when an answer fails or the last good one is older than
// `staleAfterMs`, the picture is stale and says why.
class StatsPoller : public QObject
{
    Q_OBJECT

public:
    explicit StatsPoller(ApiClient &client, QObject *parent = nullptr);

    void start(int intervalMs = 1000);
    void stop();
    // One round now (tests, "refresh" in the UI).
    void poll();

    const std::optional<ClusterSnapshot> &latest() const { return m_latest; }
    const StatsHistory &history() const { return m_history; }
    bool stale() const { return m_stale; }
    QString problem() const { return m_problem; }
    QDateTime lastUpdate() const { return m_lastUpdate; }
    void setStaleAfterMs(int ms) { m_staleAfterMs = ms; }

Q_SIGNALS:
    void snapshotChanged();
    void historyChanged();
    void staleChanged(bool stale, const QString &why);

private:
    void requestStats();
    void requestHistory();
    void setStale(bool stale, const QString &why);

    ApiClient &m_client;
    QTimer *m_timer = nullptr;
    std::optional<ClusterSnapshot> m_latest;
    StatsHistory m_history;
    QDateTime m_lastUpdate;
    bool m_statsPending = false;
    bool m_historyPending = false;
    bool m_stale = true;
    QString m_problem;
    int m_staleAfterMs = 3000;
};

} // namespace wf::console
