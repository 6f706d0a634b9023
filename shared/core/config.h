#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace wf {

// One set of setting names for every executable. A key "section/name" is read from an optional
// INI file (QSettings) and overridden by the environment variable WF_SECTION_NAME, so
// "database/url" is WF_DATABASE_URL in a container and [database] url=… in a file.
class Config
{
public:
    // Reads the INI file at `iniPath` (if not empty) and the process environment.
    static Config load(const QString &iniPath = {});
    // A configuration from explicit values only (tests).
    static Config fromValues(const QHash<QString, QString> &values);

    static QString environmentName(const QString &key);

    bool contains(const QString &key) const;
    QString string(const QString &key, const QString &fallback = {}) const;
    // The integer value, or `fallback` when unset; `ok` is false when set but not an integer.
    qint64 integer(const QString &key, qint64 fallback, bool *ok = nullptr) const;
    double number(const QString &key, double fallback, bool *ok = nullptr) const;
    bool boolean(const QString &key, bool fallback) const;

    void set(const QString &key, const QString &value);
    // Where a value came from ("environment", "file", "default"), for --help and diagnostics.
    QString origin(const QString &key) const;

private:
    QHash<QString, QString> m_fileValues;
    QHash<QString, QString> m_overrides;
};

} // namespace wf
