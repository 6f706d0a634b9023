#include "deadletters.h"

#include "executionstore.h"

#include "core/logging.h"
#include "store/changesink.h"

#include <QTimer>

namespace wf {

DeadLetters::DeadLetters(ExecutionStore &store, ChangeSink &changes, Acknowledge acknowledge, QObject *parent)
    : QObject(parent), m_store(store), m_changes(changes), m_acknowledge(std::move(acknowledge))
{
}

void DeadLetters::record(const kafka::KafkaMessage &message, const QString &reason)
{
    qCWarning(lcWorker) << "dead letter:" << reason << "(" << message.topic << message.partition << message.offset << ")";
    ++m_pending;
    write(message, reason, 1);
}

void DeadLetters::write(const kafka::KafkaMessage &message, const QString &reason, int attempt)
{
    m_store.deadLetter(this, message.topic, message.partition, message.offset, message.key, message.value, reason,
                       [this, message, reason, attempt](const Result<OutboxMessage> &written) {
                           if (!written.ok()) {
                               qCWarning(lcWorker) << "could not record a dead letter:" << written.error().detail();
                               QTimer::singleShot(qMin(30000, m_retryStepMs * attempt), this,
                                                  [this, message, reason, attempt] { write(message, reason, attempt + 1); });
                               return;
                           }
                           --m_pending;
                           ++m_recorded;
                           m_changes.committed({{}, {}, {*written}});
                           m_acknowledge(message);
                       });
}

} // namespace wf
