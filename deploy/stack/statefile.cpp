#include "statefile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <csignal>

using namespace Qt::StringLiterals;

namespace wf::stack {

bool StateFile::write(const QString &path, const QJsonObject &state)
{
    // Each pid with its start time, so that a later `down` signals only these very processes.
    QJsonObject starts;
    const QList<qint64> pids = allPids(state);
    for (qint64 pid : pids) {
        if (const qint64 started = startTime(pid))
            starts.insert(QString::number(pid), started);
    }
    QJsonObject recorded = state;
    recorded.insert(u"process_starts"_s, starts);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(recorded).toJson(QJsonDocument::Indented));
    return file.commit();
}

qint64 StateFile::startTime(qint64 pid)
{
    if (pid <= 0)
        return 0;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the command (which may hold spaces) start at "state"; starttime is field 22,
    // the 20th after the command.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toLongLong() : 0;
}

bool StateFile::sameProcess(const QJsonObject &state, qint64 pid)
{
    if (!alive(pid))
        return false;
    const QJsonValue recorded = state.value(u"process_starts"_s).toObject().value(QString::number(pid));
    // A state written before start times were recorded: trust the pid, as before.
    if (recorded.isUndefined())
        return true;
    return recorded.toInteger() == startTime(pid);
}

QJsonObject StateFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QList<qint64> StateFile::allPids(const QJsonObject &state)
{
    QList<qint64> pids;
    if (state.contains(u"pid"_s))
        pids.append(state.value(u"pid"_s).toInteger());
    const QJsonObject components = state.value(u"components"_s).toObject();
    for (auto it = components.begin(); it != components.end(); ++it) {
        for (const QString &key : {u"pids"_s, u"draining"_s}) {
            for (const QJsonValue &pid : it.value().toObject().value(key).toArray())
                pids.append(pid.toInteger());
        }
    }
    return pids;
}

bool StateFile::alive(qint64 pid)
{
    if (pid <= 1)
        return false;
    if (::kill(pid_t(pid), 0) != 0)
        return false;
    // A zombie is dead for our purposes.
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        if (close > 0 && close + 2 < line.size() && line.at(close + 2) == 'Z')
            return false;
    }
    return true;
}

QJsonObject StateFile::verified(const QJsonObject &state)
{
    QJsonObject out = state;
    const bool supervisorAlive = sameProcess(state, state.value(u"pid"_s).toInteger());
    const QString recorded = state.value(u"state"_s).toString();
    if (!supervisorAlive && recorded != u"stopped"_s && recorded != u"failed"_s)
        out.insert(u"state"_s, u"dead"_s);
    QJsonObject components = state.value(u"components"_s).toObject();
    for (auto it = components.begin(); it != components.end(); ++it) {
        QJsonObject component = it.value().toObject();
        QJsonArray live;
        const QJsonArray pids = component.value(u"pids"_s).toArray();
        for (const QJsonValue &pid : pids) {
            if (sameProcess(state, pid.toInteger()))
                live.append(pid);
        }
        component.insert(u"pids"_s, live);
        if (component.contains(u"actual"_s))
            component.insert(u"actual"_s, live.size());
        it.value() = component;
    }
    out.insert(u"components"_s, components);
    return out;
}

} // namespace wf::stack
