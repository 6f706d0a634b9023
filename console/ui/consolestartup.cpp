#include "consolestartup.h"

#include "mainwindow.h"

#include "client/endpointlist.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QScreen>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace wf::console {

bool ConsoleStartup::installTranslation(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    // A language chosen before goes first: its strings would answer where English has none.
    for (QTranslator *earlier : app.findChildren<QTranslator *>(u"wf-console-translation"_s, Qt::FindDirectChildrenOnly)) {
        app.removeTranslator(earlier);
        delete earlier;
    }
    auto install = [&app](QTranslator *translator) {
        translator->setObjectName(u"wf-console-translation"_s);
        app.installTranslator(translator);
    };
    // English is the source language; its catalogue has the plural forms ("1 run", "3 runs").
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    auto *translator = new QTranslator(&app);
    const bool loaded = english ? translator->load(u"wf-console_en"_s, u":/i18n"_s)
                                : translator->load(locale, u"wf-console"_s, u"_"_s, u":/i18n"_s);
    if (!loaded) {
        delete translator;
        return english; // English reads well enough from the sources
    }
    install(translator);
    if (english)
        return true;
    // Qt's own strings (standard buttons), where Debian's translations are installed.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        install(qt);
    else
        delete qt;
    return true;
}

QString ConsoleStartup::languageArgument(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--lang"_s && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith(u"--lang="_s))
            return arguments.at(i).mid(7);
    }
    return {};
}

int ConsoleStartup::run(QApplication &app, MainWindow &window)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
            "ConsoleStartup", "The operator console of the Workflow Automation Platform: live throughput, Kafka lag, errors "
                              "and scaling; workflows and runs. The operator key comes from WF_CONSOLE_TOKEN, the "
                              "keychain, the local stack's key file (deploy/status --json names it), or the connection "
                              "dialog."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption url(u"url"_s, QApplication::translate("ConsoleStartup", "Open the platform at this API URL (or WF_CONSOLE_URL)."),
                                 u"url"_s);
    const QCommandLineOption name(u"name"_s, QApplication::translate("ConsoleStartup", "Name of the endpoint opened with --url."),
                                  u"name"_s);
    const QCommandLineOption lang(u"lang"_s, QApplication::translate("ConsoleStartup", "Language: de or en (default: the system's)."),
                                  u"code"_s);
    const QCommandLineOption screenshot(u"screenshot"_s,
                                        QApplication::translate("ConsoleStartup", "Save a screenshot of the screen to this PNG "
                                                                                  "file after --screenshot-after seconds, then quit."),
                                        u"file"_s);
    const QCommandLineOption after(u"screenshot-after"_s, QApplication::translate("ConsoleStartup", "Seconds before the screenshot (8)."),
                                   u"seconds"_s, u"8"_s);
    parser.addOptions({url, name, lang, screenshot, after});
    parser.process(app);
    // The language was installed by main() before the parser (so --help is translated); a
    // --lang that names one without a translation is said here.
    if (parser.isSet(lang) && !QStringList{u"de"_s, u"en"_s}.contains(parser.value(lang))) {
        std::fprintf(stderr, "wf-console: no translation for --lang %s (de, en)\n", qPrintable(parser.value(lang)));
        return 2;
    }

    QString target = parser.value(url);
    if (target.isEmpty())
        target = qEnvironmentVariable("WF_CONSOLE_URL");
    window.show();
    if (!target.isEmpty()) {
        QString error;
        const QUrl parsed = EndpointList::parseUrl(target, &error);
        if (parsed.isEmpty()) {
            std::fprintf(stderr, "wf-console: %s\n", qPrintable(error));
            return 2;
        }
        window.connectTo({parser.isSet(name) ? parser.value(name) : parsed.authority(), parsed});
    } else if (!EndpointList::lastOpen().isEmpty()) {
        window.restoreSession();
    } else {
        window.showConnectionDialog();
    }

    if (parser.isSet(screenshot)) {
        const QString file = QFileInfo(parser.value(screenshot)).absoluteFilePath();
        QTimer::singleShot(int(parser.value(after).toDouble() * 1000), &app, [&app, file] {
            QScreen *screen = QGuiApplication::primaryScreen();
            const bool saved = screen && QDir().mkpath(QFileInfo(file).absolutePath()) && screen->grabWindow(0).save(file, "PNG");
            std::fprintf(saved ? stdout : stderr, "wf-console: %s %s\n", saved ? "screenshot saved to" : "cannot save a screenshot to",
                         qPrintable(file));
            app.exit(saved ? 0 : 1);
        });
    }
    return -1;
}

} // namespace wf::console
