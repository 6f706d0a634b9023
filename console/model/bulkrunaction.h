#pragma once

#include "client/apiresponse.h"

#include <QObject>
#include <QStringList>

namespace wf::console {

class ApiClient;

// One action on many runs (cancel, retry, requeue): one request per run, a few at a time so that
// a selection of thousands floods neither the platform nor the key's rate limit, then one result
// counting what worked, what was refused with a 409 (a run that ended meanwhile, or is not in a
// state to retry: expected in a bulk action, so counted, not reported one by one) and what
// failed otherwise. Shaped like a KJob: start() sends, finished() comes exactly once.
class BulkRunAction : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Cancel, Retry, Requeue };

    struct Outcome
    {
        int succeeded = 0;
        int conflicts = 0; // 409: not in a state for this action
        int failed = 0;    // anything else; firstError says what the first was
        int notSent = 0;   // abort() came first
        QString firstError;
        QStringList newRunIds; // retries: the runs they started
    };

    BulkRunAction(ApiClient &client, Kind kind, QStringList runIds, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    int total() const { return int(m_runIds.size()); }
    int done() const { return m_done; }
    bool isFinished() const { return m_finished; }
    const Outcome &outcome() const { return m_outcome; }
    // What it did, in a sentence for the page and the status bar ("Cancelled 38 of 40 runs; 2
    // had ended already.").
    QString summary() const;

    void start();
    // Sends no more requests; those in flight are still counted, the rest as not sent.
    void abort();

    // The route of `kind` for one run.
    static QString path(Kind kind, const QString &runId);

Q_SIGNALS:
    void progress(int done, int total);
    void finished(QPrivateSignal);

private:
    void sendNext();
    void answered(const ApiResponse &response);

    ApiClient &m_client;
    Kind m_kind;
    QStringList m_runIds;
    Outcome m_outcome;
    int m_next = 0;
    int m_inFlight = 0;
    int m_done = 0;
    bool m_started = false;
    bool m_aborted = false;
    bool m_finished = false;
};

} // namespace wf::console
