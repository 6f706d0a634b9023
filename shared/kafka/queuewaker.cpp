#include "queuewaker.h"

#include <QSocketNotifier>
#include <QTimer>

#include <fcntl.h>
#include <unistd.h>

namespace wf::kafka {

QueueWaker::QueueWaker(rd_kafka_queue_t *queue, int periodMs, QObject *parent) : QObject(parent), m_queue(queue)
{
    if (::pipe2(m_pipe, O_NONBLOCK | O_CLOEXEC) == 0) {
        rd_kafka_queue_io_event_enable(m_queue, m_pipe[1], "1", 1);
        m_notifier = new QSocketNotifier(m_pipe[0], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            drainPipe();
            Q_EMIT wake();
        });
    }
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &QueueWaker::wake);
    m_timer->start(periodMs);
}

QueueWaker::~QueueWaker()
{
    rd_kafka_queue_io_event_enable(m_queue, -1, nullptr, 0);
    for (int fd : m_pipe) {
        if (fd >= 0)
            ::close(fd);
    }
}

void QueueWaker::drainPipe()
{
    char buffer[256];
    while (::read(m_pipe[0], buffer, sizeof buffer) > 0) {
    }
}

} // namespace wf::kafka
