#include "commandline.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace wf {

CommandLine::CommandLine(const QString &description, bool withSettingsHelp)
    : m_configOption(u"config"_s, u"INI file with settings (default: $WF_CONFIG)."_s, u"file"_s)
{
    // Only this executable's settings: main() names the application before it builds the command line.
    const Settings::Executables own = Settings::executablesNamed(QCoreApplication::applicationName());
    m_parser.setApplicationDescription(withSettingsHelp ? description + u"\n\n"_s + Settings::helpText(own) : description);
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOption(m_configOption);
}

Config CommandLine::config(const QHash<QString, QCommandLineOption> &overrides) const
{
    Config config = Config::load(m_parser.isSet(m_configOption) ? m_parser.value(m_configOption)
                                                                : qEnvironmentVariable("WF_CONFIG"));
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        if (m_parser.isSet(it.value()))
            config.set(it.key(), m_parser.value(it.value()));
    }
    return config;
}

std::optional<Settings> CommandLine::settings(const QHash<QString, QCommandLineOption> &overrides) const
{
    const auto settings = Settings::from(config(overrides));
    if (!settings) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()),
                     qPrintable(settings.error().detail()));
        return std::nullopt;
    }
    return *settings;
}

void CommandLine::preferUnixEventDispatcher()
{
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
}

} // namespace wf
