#include "traynotifier.h"

#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace wf::console {

QString TrayNotifier::iconPath(Level level)
{
    switch (level) {
    case Level::Good:
        return u":/console/health-good.svg"_s;
    case Level::Warning:
        return u":/console/health-warning.svg"_s;
    case Level::Critical:
        return u":/console/health-critical.svg"_s;
    case Level::Unknown:
        break;
    }
    return u":/console/health-unknown.svg"_s;
}

TrayNotifier::TrayNotifier(QMenu *menu, QObject *parent) : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QIcon(iconPath(Level::Unknown)), this);
    m_tray->setContextMenu(menu);
    m_tray->setToolTip(tr("Workflow console: waiting for the first answer"));
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT activated();
    });
    m_tray->show();
}

void TrayNotifier::setHealth(const QString &platform, Level level, const QString &summary)
{
    m_level = level;
    if (!m_tray)
        return;
    m_tray->setIcon(QIcon(iconPath(level)));
    m_tray->setToolTip(u"%1: %2"_s.arg(platform, summary));
}

void TrayNotifier::notify(const QString &platform, const QString &title, const QString &text)
{
    const QString heading = u"%1 — %2"_s.arg(platform, title);
    Q_EMIT notified(heading + u": "_s + text);
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(heading, text, QIcon(iconPath(Level::Critical)), 10000);
}

} // namespace wf::console
