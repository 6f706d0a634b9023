#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace wf::stack {

// <state>/stack.json: what the supervisor runs, rewritten atomically on every change; read by
// `wf-stack status` and `wf-stack down` from other processes.
class StateFile
{
public:
    static bool write(const QString &path, const QJsonObject &state);
    static QJsonObject read(const QString &path);

    // Every pid the file names: the supervisor's and each component's.
    static QList<qint64> allPids(const QJsonObject &state);
    static bool alive(qint64 pid);
    // When the process `pid` started (clock ticks since boot, /proc/<pid>/stat); 0 when gone.
    static qint64 startTime(qint64 pid);
    // Alive and still the process the state recorded: pids are reused (pid_max can be 32768),
    // and signalling a recycled pid would hit an unrelated process.
    static bool sameProcess(const QJsonObject &state, qint64 pid);
    // The same state with every pid list reduced to live processes and "actual" recounted, so
    // a crashed supervisor does not leave a picture of processes that are gone.
    static QJsonObject verified(const QJsonObject &state);
};

} // namespace wf::stack
