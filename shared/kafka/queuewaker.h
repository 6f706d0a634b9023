#pragma once

#include <QObject>

#include <librdkafka/rdkafka.h>

class QSocketNotifier;
class QTimer;

namespace wf::kafka {

// Wakes the Qt event loop when a librdkafka queue has something: librdkafka writes a byte into a
// pipe (rd_kafka_queue_io_event_enable) that a QSocketNotifier watches. A periodic timer wakes it
// as well, because librdkafka only signals a queue that turns non-empty, and a consumer that
// polls only on events can exceed max.poll.interval.ms.
class QueueWaker : public QObject
{
    Q_OBJECT

public:
    QueueWaker(rd_kafka_queue_t *queue, int periodMs, QObject *parent = nullptr);
    ~QueueWaker() override;

Q_SIGNALS:
    void wake();

private:
    void drainPipe();

    rd_kafka_queue_t *m_queue;
    int m_pipe[2] = {-1, -1};
    QSocketNotifier *m_notifier = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace wf::kafka
