#pragma once

#include <QSize>
#include <QString>

class QImage;
class QWidget;

namespace wf::test {

// build/screenshots/: where the console's tests leave pictures of its views for a reviewer.
QString screenshotDir();
// How many different colours a grid of samples of `image` holds (a blank picture has one or two).
int distinctColours(const QImage &image);
// Shows `widget` at `size`, waits until it is exposed, saves it as <screenshotDir>/<name>.png and
// says true when the picture is not blank (more than `minColours`); `why` names file and count.
bool renderScreenshot(QWidget *widget, const QString &name, QString *why, QSize size = {1280, 860}, int minColours = 8);

} // namespace wf::test
