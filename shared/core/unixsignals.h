#pragma once

#include <QObject>

class QSocketNotifier;

namespace wf {

// Delivers SIGTERM, SIGINT and SIGHUP as a Qt signal on the thread that created it (self-pipe:
// the handler only writes one byte), so shutdown runs as ordinary event-loop code.
class UnixSignals : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    void drain();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace wf
