#pragma once

#include "relaypace.h"

#include <QObject>

class QTimer;

namespace wf {

class OutboxPublisher;
namespace db {
class Database;
}

// Publishes outbox rows that were not sent (the broker was down, or a process died between its
// commit and the publish). Every replica may run one: a relay claims rows for a while with
// FOR UPDATE SKIP LOCKED, so relays do not trip over each other, and a row whose publish
// fails becomes claimable again when the claim runs out. After failed publishes it backs off
// (RelayPace) rather than sweeping again at once. Also removes rows sent long ago.
class OutboxRelay : public QObject
{
public:
    struct Options
    {
        int intervalMs = 1000;
        int minimumAgeMs = 5000;  // leave fresh rows to the process that wrote them (it publishes them at once)
        int claimSeconds = 30;
        int batch = 500;
        int retentionMinutes = 60;
        int maxBackoffMs = 30000; // the longest pause after failed publishes
    };

    OutboxRelay(db::Database &database, OutboxPublisher &publisher, Options options, QObject *parent = nullptr);
    void start();

private:
    void sweep();
    void purge();

    db::Database &m_database;
    OutboxPublisher &m_publisher;
    Options m_options;
    QTimer *m_timer = nullptr;
    QTimer *m_purgeTimer = nullptr;
    RelayPace m_pace;
    bool m_busy = false;
};

} // namespace wf
