#include "runeventlog.h"

#include "core/json.h"
#include "core/logging.h"
#include "db/database.h"
#include "db/dbconnection.h"
#include "db/sqlparam.h"
#include "kafka/kafkasettings.h"
#include "outbox/outboxpublisher.h"

#include <QJsonArray>
#include <QTimer>

#include <chrono>

using namespace Qt::StringLiterals;

namespace wf {

namespace {

qint64 nowMicros()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace

RunEventLog::RunEventLog(db::Database &database, QString instance, QObject *parent)
    : QObject(parent), m_database(database), m_instance(std::move(instance)), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(FlushMs);
    connect(m_timer, &QTimer::timeout, this, &RunEventLog::flush);
}

RunEventLog::~RunEventLog() = default;

void RunEventLog::record(RunEvent event)
{
    if (event.instance.isEmpty())
        event.instance = m_instance;
    if (event.atMicros == 0)
        event.atMicros = nowMicros();
    // The line's fields are built only when wf.run lines are on: this runs for every event of every run.
    if (lcRun().isInfoEnabled()) {
        QJsonObject fields{{u"run_id"_s, event.runId}, {u"event"_s, event.kind}, {u"instance"_s, event.instance}};
        if (!event.traceId.isEmpty())
            fields.insert(u"trace_id"_s, event.traceId);
        for (auto it = event.detail.constBegin(); it != event.detail.constEnd(); ++it)
            if (!fields.contains(it.key()))
                fields.insert(it.key(), it.value());
        logging::event(lcRun(), u"run %1 %2"_s.arg(event.runId, event.kind), fields);
    }
    if (m_buffer.size() >= MaxBuffered) {
        if (m_dropped++ % 1000 == 0)
            qCWarning(lcRun) << "run events are not being stored fast enough;" << m_dropped << "dropped so far";
        return;
    }
    m_buffer.append(std::move(event));
    if (!m_timer->isActive())
        m_timer->start();
}

void RunEventLog::followPublishes(OutboxPublisher &publisher)
{
    publisher.observe(QByteArray(kafka::topics::kTrigger),
                      [this](const QByteArray &key, const QByteArray &traceparent, int partition, qint64 offset) {
                          RunEvent event;
                          event.runId = QString::fromLatin1(key);
                          event.kind = u"published"_s;
                          event.traceId = RunEvent::traceIdOf(traceparent);
                          event.detail = {{u"topic"_s, QString::fromLatin1(kafka::topics::kTrigger)},
                                          {u"partition"_s, partition},
                                          {u"offset"_s, double(offset)}};
                          record(std::move(event));
                      });
}

void RunEventLog::flush()
{
    if (m_buffer.isEmpty())
        return;
    QStringList runs, kinds, instances, traces, times, details;
    for (const RunEvent &event : std::as_const(m_buffer)) {
        runs.append(event.runId);
        kinds.append(event.kind);
        instances.append(event.instance);
        traces.append(event.traceId);
        times.append(QString::number(event.atMicros));
        details.append(QString::fromUtf8(json::serialize(event.detail)));
    }
    const qsizetype count = m_buffer.size();
    m_buffer.clear();
    m_database.write(
            this,
            [runs = db::SqlParam::textArray(runs), kinds = db::SqlParam::textArray(kinds),
             instances = db::SqlParam::textArray(instances), traces = db::SqlParam::textArray(traces),
             times = db::SqlParam::textArray(times), details = db::SqlParam::textArray(details)](db::DbConnection &connection) {
                connection.exec("INSERT INTO run_events (run_id, at, kind, instance, trace_id, detail)"
                                " SELECT r, to_timestamp(t::float8 / 1000000), k, nullif(i, ''), nullif(tr, ''), d::jsonb"
                                " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])"
                                "   AS e(r, t, k, i, tr, d)",
                                {runs, times, kinds, instances, traces, details});
                return Done{};
            },
            [count](const Result<Done> &stored) {
                if (!stored)
                    qCWarning(lcRun).noquote() << u"%1 run event(s) not stored: %2"_s.arg(count).arg(stored.error().detail());
            });
}

} // namespace wf
