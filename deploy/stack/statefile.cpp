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
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(state).toJson(QJsonDocument::Indented));
    return file.commit();
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
        const QJsonArray list = it.value().toObject().value(u"pids"_s).toArray();
        for (const QJsonValue &pid : list)
            pids.append(pid.toInteger());
    }
    return pids;
}

bool StateFile::alive(qint64 pid)
{
    if (pid <= 0)
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
    const bool supervisorAlive = alive(state.value(u"pid"_s).toInteger());
    if (!supervisorAlive && state.value(u"state"_s).toString() != u"stopped"_s)
        out.insert(u"state"_s, u"dead"_s);
    QJsonObject components = state.value(u"components"_s).toObject();
    for (auto it = components.begin(); it != components.end(); ++it) {
        QJsonObject component = it.value().toObject();
        QJsonArray live;
        const QJsonArray pids = component.value(u"pids"_s).toArray();
        for (const QJsonValue &pid : pids) {
            if (alive(pid.toInteger()))
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
