#include "outboxrelay.h"

#include "outboxmessage.h"
#include "outboxpublisher.h"

#include "core/logging.h"
#include "db/database.h"
#include "db/dbconnection.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace wf {

OutboxRelay::OutboxRelay(db::Database &database, OutboxPublisher &publisher, Options options, QObject *parent)
    : QObject(parent), m_database(database), m_publisher(publisher), m_options(options),
      m_pace(options.intervalMs, options.maxBackoffMs)
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &OutboxRelay::sweep);
    m_purgeTimer = new QTimer(this);
    connect(m_purgeTimer, &QTimer::timeout, this, &OutboxRelay::purge);
}

void OutboxRelay::start()
{
    m_timer->start(m_options.intervalMs);
    m_purgeTimer->start(60000);
}

void OutboxRelay::sweep()
{
    if (m_busy)
        return;
    m_busy = true;
    m_database.write(
            this,
            [options = m_options](db::DbConnection &connection) {
                const db::DbResult result = connection.exec(
                        "UPDATE outbox SET claimed_until = clock_timestamp() + make_interval(secs => $1)"
                        " WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL"
                        "   AND created_at < clock_timestamp() - make_interval(secs => $2::float8 / 1000)"
                        "   AND (claimed_until IS NULL OR claimed_until < clock_timestamp())"
                        "   ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)"
                        " RETURNING " WF_OUTBOX_COLUMNS,
                        {options.claimSeconds, options.minimumAgeMs, options.batch});
                QList<OutboxMessage> messages;
                for (int row = 0; row < result.rows(); ++row)
                    messages.append(OutboxMessage::fromRow(result, row));
                return messages;
            },
            [this](const Result<QList<OutboxMessage>> &claimed) {
                m_busy = false;
                if (!claimed.ok()) {
                    qCDebug(lcOutbox) << "relay:" << claimed.error().detail();
                    m_timer->start(m_options.intervalMs);
                    return;
                }
                if (!claimed->isEmpty())
                    qCInfo(lcOutbox) << "relay publishes" << claimed->size() << "unsent outbox rows";
                m_publisher.publish(*claimed);
                const int delay = m_pace.next(int(claimed->size()), m_options.batch, m_publisher.failed());
                if (m_pace.backoffMs() > 0)
                    qCInfo(lcOutbox) << "relay: publishes are failing; next sweep in" << delay << "ms";
                m_timer->start(delay);
            });
}

void OutboxRelay::purge()
{
    m_database.write(
            this,
            [minutes = m_options.retentionMinutes](db::DbConnection &connection) {
                return connection
                        .exec("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE sent_at < clock_timestamp()"
                              " - make_interval(mins => $1) ORDER BY id LIMIT 10000)",
                              {minutes})
                        .affected();
            },
            [](const Result<qint64> &) {});
}

} // namespace wf
