#pragma once

#include <QList>
#include <QTimer>

#include <functional>
#include <utility>

namespace wf {

// Items written many at a time (group commit). A batch leaves when `maxItems` items or `maxBytes`
// bytes wait, or `delayMs` after the first of them arrived; at most `maxInFlight` batches are
// under way at once, and what arrives meanwhile leaves together as soon as one comes back. The
// writer answers every batch with finished() exactly once; the items it hands back go to the
// front of the line, in their order, and leave again after `retryDelayMs`.
//
// Lives in, and is used from, the thread that created it. `write` is never called from inside
// add() or finished() re-entrantly with a batch still being assembled, and it may call finished()
// at once.
template<typename T>
class Batcher
{
public:
    struct Options
    {
        int maxItems = 200;
        qint64 maxBytes = 0; // 0: no bound by size
        int delayMs = 0;
        int maxInFlight = 1;
        int retryDelayMs = 500;
    };
    using Write = std::function<void(QList<T> batch)>;
    // The bytes an item counts for against maxBytes.
    using Weigh = std::function<qint64(const T &)>;

    Batcher(Options options, Write write, Weigh weigh = {})
        : m_options(options), m_write(std::move(write)), m_weigh(std::move(weigh))
    {
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            m_backingOff = false;
            flush();
        });
    }
    Batcher(const Batcher &) = delete;
    Batcher &operator=(const Batcher &) = delete;

    void add(T item)
    {
        m_bytes += weigh(item);
        m_waiting.append(std::move(item));
        if (full())
            flush();
        else if (!m_timer.isActive())
            m_timer.start(m_options.delayMs);
    }

    // The writer is done with one batch; `again` goes back to the front of the line.
    void finished(QList<T> again = {})
    {
        if (m_inFlight > 0)
            --m_inFlight;
        if (!again.isEmpty()) {
            for (const T &item : std::as_const(again))
                m_bytes += weigh(item);
            m_waiting = std::move(again) + m_waiting;
            m_backingOff = true;
            m_timer.start(m_options.retryDelayMs);
            return;
        }
        // What waited while the batch was out has waited long enough.
        if (!m_waiting.isEmpty() && !m_timer.isActive())
            m_timer.start(0);
    }

    // Everything not yet handed to the writer, which forgets it.
    QList<T> takeWaiting()
    {
        m_timer.stop();
        m_backingOff = false;
        m_bytes = 0;
        return std::exchange(m_waiting, {});
    }

    const QList<T> &waiting() const { return m_waiting; }
    int inFlight() const { return m_inFlight; }
    bool idle() const { return m_waiting.isEmpty() && m_inFlight == 0; }

private:
    qint64 weigh(const T &item) const { return m_weigh ? m_weigh(item) : 0; }

    bool full() const
    {
        return m_waiting.size() >= m_options.maxItems || (m_options.maxBytes > 0 && m_bytes >= m_options.maxBytes);
    }

    void flush()
    {
        if (m_flushing)
            return; // a write that answered at once asked again; the loop below goes on
        m_flushing = true;
        while (!m_backingOff && m_inFlight < m_options.maxInFlight && !m_waiting.isEmpty()) {
            m_timer.stop();
            QList<T> batch;
            qint64 bytes = 0;
            // At least one item, however large: a batch must be able to leave.
            while (!m_waiting.isEmpty() && batch.size() < m_options.maxItems) {
                const qint64 next = weigh(m_waiting.constFirst());
                if (!batch.isEmpty() && m_options.maxBytes > 0 && bytes + next > m_options.maxBytes)
                    break;
                bytes += next;
                batch.append(m_waiting.takeFirst());
            }
            m_bytes -= bytes;
            ++m_inFlight;
            m_write(std::move(batch));
        }
        m_flushing = false;
    }

    Options m_options;
    Write m_write;
    Weigh m_weigh;
    QTimer m_timer;
    QList<T> m_waiting;
    qint64 m_bytes = 0;
    int m_inFlight = 0;
    bool m_flushing = false;
    bool m_backingOff = false; // items were handed back: nothing leaves before retryDelayMs
};

} // namespace wf
