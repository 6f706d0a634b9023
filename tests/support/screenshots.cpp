#include "screenshots.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QSet>
#include <QTest>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace wf::test {

QString screenshotDir()
{
    const QString dir = QCoreApplication::applicationDirPath() + u"/../screenshots"_s;
    QDir().mkpath(dir);
    return QDir(dir).absolutePath();
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += std::max(1, image.height() / 80)) {
        for (int x = 0; x < image.width(); x += std::max(1, image.width() / 80))
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

bool renderScreenshot(QWidget *widget, const QString &name, QString *why, QSize size, int minColours)
{
    widget->resize(size);
    widget->show();
    if (!QTest::qWaitForWindowExposed(widget)) {
        *why = name + u": never exposed"_s;
        return false;
    }
    QCoreApplication::processEvents();
    QTest::qWait(100); // one more round of layout and chart painting
    const QImage image = widget->grab().toImage();
    const QString file = screenshotDir() + u'/' + name + u".png"_s;
    if (!image.save(file, "PNG")) {
        *why = u"cannot write "_s + file;
        return false;
    }
    const int colours = distinctColours(image);
    *why = u"%1: %2 colours"_s.arg(file).arg(colours);
    qInfo("%s", qPrintable(*why));
    return colours > minColours;
}

} // namespace wf::test
