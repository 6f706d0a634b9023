#pragma once

#include "core/callback.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>

namespace wf {

namespace db {
class Database;
}

// What the cluster view reads from PostgreSQL in one statement.
struct ClusterFigures
{
    QList<QByteArray> snapshots;    // instance_stats rows younger than the freshness asked for
    qint64 outboxBacklog = 0;       // outbox messages not yet sent to Kafka
    double outboxOldestSeconds = 0; // age of the oldest of them (0: none)
    qint64 deadLetters = 0;
};

// One second of the cluster view, as recorded by the monitor.
struct StatsSample
{
    qint64 atMs = 0;
    QJsonObject sample;
};

// instance_stats (the snapshots' fallback while Redis is down), stats_history (the recorded
// cluster view) and the figures only PostgreSQL knows (outbox backlog, dead letters).
class StatsStore
{
public:
    explicit StatsStore(db::Database &database);

    void publish(QObject *context, const QString &id, const QString &component, const QByteArray &snapshot,
                 Callback<Done> done);
    void remove(QObject *context, const QString &id, Callback<Done> done);
    void figures(QObject *context, int freshMs, Callback<ClusterFigures> done);
    // Records one sample and forgets those older than `keepSeconds`.
    void record(QObject *context, const QJsonObject &sample, int keepSeconds, Callback<Done> done);
    // The samples of the last `windowSeconds`, oldest first.
    void history(QObject *context, int windowSeconds, Callback<QList<StatsSample>> done);

private:
    db::Database &m_database;
};

} // namespace wf
