// wf-console: the operator desktop console (see console/README.md).
#include "ui/consolestartup.h"
#include "ui/mainwindow.h"

#include <QApplication>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"wf-platform"_s);
    QApplication::setApplicationName(u"wf-console"_s);
    QApplication::setApplicationVersion(u"0.1"_s);
    QApplication::setWindowIcon(QIcon(u":/console/wf-console.svg"_s));
    // Before anything builds a user-visible string: --lang first, else the system's language.
    wf::console::ConsoleStartup::installTranslation(app, wf::console::ConsoleStartup::languageArgument(app.arguments()));
    wf::console::MainWindow window;
    if (const int code = wf::console::ConsoleStartup::run(app, window); code >= 0)
        return code;
    return app.exec();
}
