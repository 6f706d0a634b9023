#include "endqueue.h"

#include "core/logging.h"

#include <QSet>

namespace wf {

EndQueue::EndQueue(ExecutionStore &store, Options options, Deadline deadline, Now now, Done done, Written written,
                   QObject *parent)
    : QObject(parent), m_store(store), m_deadline(std::move(deadline)), m_now(std::move(now)), m_done(std::move(done)),
      m_written(std::move(written)), m_outageMs(options.outageMs),
      m_batcher({options.batch, 0, options.delayMs, 1, options.retryMs}, [this](QList<RunEnd> batch) { write(std::move(batch)); })
{
}

void EndQueue::add(RunEnd end)
{
    m_batcher.add(std::move(end));
}

void EndQueue::write(QList<RunEnd> batch)
{
    m_store.finish(this, batch, [this, batch](const Result<QList<OutboxMessage>> &finished) {
        if (!finished.ok()) {
            QList<RunEnd> again;
            const qint64 now = m_now();
            const bool away = finished.error().kind() == Error::Kind::Unavailable;
            const qint64 patience = away ? m_outageMs : 0;
            constexpr int kMaxFailures = 5; // an error that is not the database being away may repeat for ever
            for (const RunEnd &end : batch) {
                const int failures = away ? m_failures.value(end.lease.runId) : ++m_failures[end.lease.runId];
                if (m_deadline(end.lease) + patience > now && failures < kMaxFailures) {
                    again.append(end);
                } else {
                    qCWarning(lcWorker) << "could not record the end of run" << end.lease.runId
                                        << "before its lease expired; leaving it to the lease:" << finished.error().detail();
                    m_failures.remove(end.lease.runId);
                    m_done(end, Fate::Abandoned);
                }
            }
            m_batcher.finished(again);
            return;
        }
        QSet<QString> written;
        for (const OutboxMessage &message : *finished)
            written.insert(QString::fromLatin1(message.key));
        if (m_written && !finished->isEmpty())
            m_written(*finished);
        for (const RunEnd &end : batch) {
            m_failures.remove(end.lease.runId);
            m_done(end, written.contains(end.lease.runId) ? Fate::Written : Fate::NotOurs);
        }
        m_batcher.finished();
    });
}

} // namespace wf
