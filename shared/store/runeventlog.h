#pragma once

#include "runevent.h"

#include <QList>
#include <QObject>

class QTimer;

namespace wf {

class OutboxPublisher;
namespace db {
class Database;
}

// Where a process writes the timeline of the runs it handles: each event is logged at once
// (category wf.run, with run_id, kind, instance and trace_id as fields) and stored in run_events
// with the others of the next 100 ms in one INSERT, off the path of the work it describes. An
// event that cannot be stored (the database is away) is logged as lost, never retried for ever:
// the run's own state is what must not be lost, and it is written elsewhere.
class RunEventLog : public QObject
{
public:
    static constexpr int FlushMs = 100;
    static constexpr int MaxBuffered = 20000;

    RunEventLog(db::Database &database, QString instance, QObject *parent = nullptr);
    ~RunEventLog() override;

    // `event.instance` and `event.atMicros` are filled in when empty.
    void record(RunEvent event);
    // "published" for every workflow.trigger message `publisher` gets stored by the broker.
    void followPublishes(OutboxPublisher &publisher);
    const QString &instance() const { return m_instance; }

private:
    void flush();

    db::Database &m_database;
    QString m_instance;
    QList<RunEvent> m_buffer;
    QTimer *m_timer;
    qint64 m_dropped = 0;
};

} // namespace wf
