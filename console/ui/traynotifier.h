#pragma once

#include "model/healthmonitor.h"
#include "model/thresholds.h"

#include <QObject>

class QMenu;
class QSystemTrayIcon;

namespace wf::console {

// The system-tray icon: its colour follows the worst health of the open platforms, its tooltip
// says why, and each alert episode becomes one desktop notification. Without a system tray
// (a bare X server, offscreen) notifications go to the status bar instead (notified()).
class TrayNotifier : public QObject
{
    Q_OBJECT

public:
    explicit TrayNotifier(QMenu *menu, QObject *parent = nullptr);

    bool available() const { return m_tray != nullptr; }
    void setHealth(const QString &platform, Level level, const QString &summary);
    void notify(const QString &platform, const QString &title, const QString &text);
    Level level() const { return m_level; }

    static QString iconPath(Level level);

Q_SIGNALS:
    void notified(const QString &message);
    void activated();

private:
    QSystemTrayIcon *m_tray = nullptr;
    Level m_level = Level::Unknown;
};

} // namespace wf::console
