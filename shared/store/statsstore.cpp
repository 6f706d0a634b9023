#include "statsstore.h"

#include "core/json.h"
#include "db/database.h"
#include "db/dbconnection.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace wf {

StatsStore::StatsStore(db::Database &database) : m_database(database) { }

void StatsStore::publish(QObject *context, const QString &id, const QString &component, const QByteArray &snapshot,
                         Callback<Done> done)
{
    m_database.write(
            context,
            [id, component, snapshot](db::DbConnection &connection) {
                connection.exec("INSERT INTO instance_stats (id, component, snapshot) VALUES ($1, $2, $3::jsonb)"
                                " ON CONFLICT (id) DO UPDATE SET component = EXCLUDED.component,"
                                "     snapshot = EXCLUDED.snapshot, reported_at = clock_timestamp()",
                                {id, component, snapshot});
                return Done{};
            },
            std::move(done));
}

void StatsStore::remove(QObject *context, const QString &id, Callback<Done> done)
{
    m_database.write(
            context,
            [id](db::DbConnection &connection) {
                connection.exec("DELETE FROM instance_stats WHERE id = $1", {id});
                return Done{};
            },
            std::move(done));
}

void StatsStore::figures(QObject *context, int freshMs, Callback<ClusterFigures> done)
{
    m_database.read(
            context,
            [freshMs](db::DbConnection &connection) {
                const db::DbResult result = connection.exec(
                        "SELECT (SELECT count(*) FROM outbox WHERE sent_at IS NULL),"
                        "       (SELECT coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)::float8"
                        "          FROM outbox WHERE sent_at IS NULL),"
                        "       (SELECT count(*) FROM dead_letters),"
                        "       (SELECT coalesce(json_agg(snapshot), '[]') FROM instance_stats"
                        "          WHERE reported_at > clock_timestamp() - $1 * interval '1 millisecond')",
                        {freshMs});
                ClusterFigures figures;
                figures.outboxBacklog = result.int64(0, 0);
                figures.outboxOldestSeconds = result.number(0, 1);
                figures.deadLetters = result.int64(0, 2);
                const QJsonArray snapshots = result.json(0, 3).toArray();
                for (const QJsonValue &snapshot : snapshots)
                    figures.snapshots.append(QJsonDocument(snapshot.toObject()).toJson(QJsonDocument::Compact));
                return figures;
            },
            std::move(done));
}

void StatsStore::record(QObject *context, const QJsonObject &sample, int keepSeconds, Callback<Done> done)
{
    const QByteArray text = QJsonDocument(sample).toJson(QJsonDocument::Compact);
    m_database.write(
            context,
            [text, keepSeconds](db::DbConnection &connection) {
                connection.exec("INSERT INTO stats_history (at, sample) VALUES (clock_timestamp(), $1::jsonb)"
                                " ON CONFLICT (at) DO NOTHING",
                                {text});
                connection.exec("DELETE FROM stats_history WHERE at < clock_timestamp() - $1 * interval '1 second'",
                                {keepSeconds});
                return Done{};
            },
            std::move(done));
}

void StatsStore::history(QObject *context, int windowSeconds, Callback<QList<StatsSample>> done)
{
    m_database.read(
            context,
            [windowSeconds](db::DbConnection &connection) {
                const db::DbResult result = connection.exec(
                        "SELECT (extract(epoch FROM at) * 1000)::int8, sample FROM stats_history"
                        " WHERE at > clock_timestamp() - $1 * interval '1 second' ORDER BY at",
                        {windowSeconds});
                QList<StatsSample> samples;
                samples.reserve(result.rows());
                for (int row = 0; row < result.rows(); ++row)
                    samples.append({result.int64(row, 0), result.json(row, 1).toObject()});
                return samples;
            },
            std::move(done));
}

} // namespace wf
