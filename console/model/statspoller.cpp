#include "statspoller.h"

#include "client/apiclient.h"

#include <QCoreApplication>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

namespace wf::console {

StatsPoller::StatsPoller(ApiClient &client, QObject *parent) : QObject(parent), m_client(client), m_timer(new QTimer(this))
{
    m_problem = QCoreApplication::translate("StatsPoller", "Waiting for the first answer…");
    connect(m_timer, &QTimer::timeout, this, &StatsPoller::poll);
}

void StatsPoller::start(int intervalMs)
{
    m_timer->start(intervalMs);
    poll();
}

void StatsPoller::stop()
{
    m_timer->stop();
}

void StatsPoller::poll()
{
    if (m_lastUpdate.isValid() && m_lastUpdate.msecsTo(QDateTime::currentDateTimeUtc()) > m_staleAfterMs)
        setStale(true, QCoreApplication::translate("StatsPoller", "No answer for %1 s.")
                               .arg(m_lastUpdate.secsTo(QDateTime::currentDateTimeUtc())));
    requestStats();
    requestHistory();
}

void StatsPoller::requestStats()
{
    if (m_statsPending)
        return;
    m_statsPending = true;
    m_client.get(u"/api/v1/admin/stats"_s, this, [this](const ApiResponse &response) {
        m_statsPending = false;
        if (!response.ok()) {
            setStale(true, response.message());
            return;
        }
        auto snapshot = ClusterSnapshot::fromJson(response.object());
        if (!snapshot) {
            setStale(true, QCoreApplication::translate("StatsPoller", "The stats answer cannot be read: %1")
                                   .arg(snapshot.error().detail()));
            return;
        }
        m_latest = std::move(*snapshot);
        m_lastUpdate = QDateTime::currentDateTimeUtc();
        setStale(false, {});
        Q_EMIT snapshotChanged();
    });
}

void StatsPoller::requestHistory()
{
    if (m_historyPending)
        return;
    // Only what is new: the seconds since the last point, with a margin (at least 10 s, the
    // API's smallest window; at most 15 minutes, what the overview shows).
    qint64 seconds = 900;
    if (m_history.size() > 0) {
        const qint64 gapMs = QDateTime::currentMSecsSinceEpoch() - m_history.lastT();
        seconds = std::clamp<qint64>(qint64(std::ceil(double(gapMs) / 1000.0)) + 2, 10, 900);
    }
    m_historyPending = true;
    m_client.get(u"/api/v1/admin/stats/history?window=%1s"_s.arg(seconds), this, [this](const ApiResponse &response) {
        m_historyPending = false;
        if (!response.ok())
            return; // the stats request reports the problem
        if (m_history.merge(response.object()) > 0)
            Q_EMIT historyChanged();
    });
}

void StatsPoller::setStale(bool stale, const QString &why)
{
    if (stale == m_stale && why == m_problem)
        return;
    m_stale = stale;
    m_problem = why;
    Q_EMIT staleChanged(stale, why);
}

} // namespace wf::console
