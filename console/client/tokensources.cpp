#include "tokensources.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace wf::console {

TokenSources::Found TokenSources::find()
{
    if (QByteArray token = fromEnvironment(); !token.isEmpty())
        return {token, u"WF_CONSOLE_TOKEN"_s};
    const QString file = localStackKeyFile();
    if (QByteArray token = fromFile(file); !token.isEmpty())
        return {token, file};
    return {};
}

QByteArray TokenSources::fromEnvironment()
{
    return qgetenv("WF_CONSOLE_TOKEN").trimmed();
}

QString TokenSources::localStackKeyFile()
{
    QString stateDir = qEnvironmentVariable("WF_STACK_STATE_DIR");
    if (stateDir.isEmpty())
        stateDir = QDir::current().filePath(u".wf"_s);
    QFile state(stateDir + u"/stack.json"_s);
    if (!state.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(state.readAll()).object().value(u"operator_token_file"_s).toString();
}

QByteArray TokenSources::fromFile(const QString &path)
{
    if (path.isEmpty())
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readLine().trimmed();
}

} // namespace wf::console
