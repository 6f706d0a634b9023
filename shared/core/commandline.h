#pragma once

#include "config.h"
#include "settings.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QHash>
#include <QString>

#include <optional>

class QCoreApplication;

namespace wf {

// The command line every executable of the platform shares: --help (with the table of the settings
// that apply to this executable, known by QCoreApplication::applicationName()),
// --version, --config <file> (default $WF_CONFIG); the executable adds its own options.
class CommandLine
{
public:
    CommandLine(const QString &description, bool withSettingsHelp = true);

    QCommandLineParser &parser() { return m_parser; }
    void process(const QCoreApplication &app) { m_parser.process(app); }

    // The INI file and the environment, with `overrides` (setting key -> option) applied where
    // the option was given.
    Config config(const QHash<QString, QCommandLineOption> &overrides = {}) const;
    // Settings from config(); on a malformed value prints "<app>: <reason>" and returns nullopt
    // (the caller exits with status 2).
    std::optional<Settings> settings(const QHash<QString, QCommandLineOption> &overrides = {}) const;

    // Qt's own UNIX event dispatcher is measurably cheaper per event than GLib's; call before the
    // QCoreApplication exists.
    static void preferUnixEventDispatcher();

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_configOption;
};

} // namespace wf
