#include "config.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace wf {

Config Config::load(const QString &iniPath)
{
    Config config;
    if (!iniPath.isEmpty()) {
        QSettings settings(iniPath, QSettings::IniFormat);
        const QStringList keys = settings.allKeys();
        for (const QString &key : keys)
            config.m_fileValues.insert(key.toLower(), settings.value(key).toString());
    }
    return config;
}

Config Config::fromValues(const QHash<QString, QString> &values)
{
    Config config;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        config.m_overrides.insert(it.key(), it.value());
    return config;
}

QString Config::environmentName(const QString &key)
{
    QString name = u"WF_"_s + key.toUpper();
    name.replace(u'/', u'_');
    name.replace(u'-', u'_');
    name.replace(u'.', u'_');
    return name;
}

bool Config::contains(const QString &key) const
{
    return m_overrides.contains(key) || qEnvironmentVariableIsSet(environmentName(key).toLatin1().constData())
            || m_fileValues.contains(key);
}

QString Config::string(const QString &key, const QString &fallback) const
{
    if (auto it = m_overrides.constFind(key); it != m_overrides.cend())
        return it.value();
    const QByteArray env = environmentName(key).toLatin1();
    if (qEnvironmentVariableIsSet(env.constData()))
        return qEnvironmentVariable(env.constData());
    if (auto it = m_fileValues.constFind(key); it != m_fileValues.cend())
        return it.value();
    return fallback;
}

qint64 Config::integer(const QString &key, qint64 fallback, bool *ok) const
{
    if (ok)
        *ok = true;
    const QString text = string(key).trimmed();
    if (text.isEmpty())
        return fallback;
    bool parsed = false;
    const qint64 value = text.toLongLong(&parsed);
    if (!parsed) {
        if (ok)
            *ok = false;
        return fallback;
    }
    return value;
}

double Config::number(const QString &key, double fallback, bool *ok) const
{
    if (ok)
        *ok = true;
    const QString text = string(key).trimmed();
    if (text.isEmpty())
        return fallback;
    bool parsed = false;
    const double value = text.toDouble(&parsed);
    if (!parsed) {
        if (ok)
            *ok = false;
        return fallback;
    }
    return value;
}

bool Config::boolean(const QString &key, bool fallback) const
{
    const QString text = string(key).trimmed().toLower();
    if (text.isEmpty())
        return fallback;
    return text == u"1"_s || text == u"true"_s || text == u"yes"_s || text == u"on"_s;
}

void Config::set(const QString &key, const QString &value)
{
    m_overrides.insert(key, value);
}

QString Config::origin(const QString &key) const
{
    if (m_overrides.contains(key))
        return u"command line"_s;
    if (qEnvironmentVariableIsSet(environmentName(key).toLatin1().constData()))
        return u"environment"_s;
    if (m_fileValues.contains(key))
        return u"file"_s;
    return u"default"_s;
}

} // namespace wf
