#pragma once

#include <QString>
#include <QStringList>

class QApplication;

namespace wf::console {

class MainWindow;

// What `wf-console` does before its window shows: the command line (--url, --name, --lang,
// --screenshot), the translation for the chosen language, and which platforms open first
// (--url or WF_CONSOLE_URL, else those open last time, else the connection dialog).
class ConsoleStartup
{
public:
    // Installs the translator for `language` ("de", "en", or "" for the system's); false when
    // there is none for it (English, the source language, always works).
    static bool installTranslation(QApplication &app, const QString &language);
    // The value of --lang (as "--lang de" or "--lang=de"), "" when not given.
    static QString languageArgument(const QStringList &arguments);
    // Parses the command line, shows the window; returns the exit code for a bad command line
    // (>= 0) or -1 to go on with app.exec().
    static int run(QApplication &app, MainWindow &window);
};

} // namespace wf::console
