#pragma once

#include "loadstats.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

namespace wf::bench {

class ConnectionPool;

// Counters every thread adds to as it goes, for the progress line.
struct LoadProgress
{
    std::atomic<qint64> requests{0};
    std::atomic<qint64> failed{0};
    std::atomic<qint64> usersDone{0};
};

// The seed's load test for `users` simulated users of one thread, all started at once, sharing
// one pool of keep-alive connections. Each user does, in order: GET /health, GET /,
// POST /api/v1/workflows (timed) and again (untimed, to read the id), GET /api/v1/workflows/{id},
// POST /api/v1/trigger (timed) and again (untimed, to read the run id), GET /api/v1/runs/{id},
// GET /api/v1/runs?limit=50. Success is a 2xx answer. Afterwards settle() follows every run the
// users triggered until it ended (or the time is up).
class SeedFlow : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 8000;
        int firstUser = 0;
        int users = 1000;
        int connections = 1000;
        int timeoutMs = 60000;
        int rounds = 1; // times each user goes through the flow (the seed: once)
        QByteArray workflow; // the body of POST /api/v1/workflows
        QByteArray authorization; // "Bearer …", or empty
    };
    struct RunTally
    {
        qint64 triggered = 0;
        qint64 succeeded = 0;
        qint64 failed = 0; // failed or cancelled
        qint64 unfinished = 0;
    };

    SeedFlow(Options options, LoadProgress &progress, QObject *parent = nullptr);

    // Starts every user; finished() when the last is done.
    void start();
    // Follows the triggered runs until each ended or `seconds` passed; settled() then.
    void settle(int seconds);

    LoadStats &stats() { return m_stats; }
    const RunTally &runs() const { return m_runs; }
    int connectionsOpened() const;

Q_SIGNALS:
    void finished();
    void settled();

private:
    struct User
    {
        int index = 0;
        int step = 0;
        int round = 0;
        QString workflowId;
        QString runId;
    };

    void next(User &user);
    void timed(User &user, LoadStats::Endpoint endpoint, QByteArray request, std::function<void(const QByteArray &)> read = {});
    void untimed(User &user, QByteArray request, std::function<void(const QByteArray &)> read);
    QByteArray request(const char *method, const QString &path, const QByteArray &body = {}) const;
    // The run id of a trigger's answer, kept to follow afterwards; empty when there is none.
    QString rememberRun(const QByteArray &body);
    void settleNext();

    Options m_options;
    LoadProgress &m_progress;
    ConnectionPool *m_pool = nullptr;
    std::vector<User> m_users;
    LoadStats m_stats;
    int m_done = 0;
    QStringList m_triggered;
    RunTally m_runs;
    QStringList m_open; // runs not ended yet, while settling
    int m_inFlight = 0;
    bool m_settled = false;
    qint64 m_settleDeadline = 0;
};

} // namespace wf::bench
