#pragma once

#include "platformview.h"

#include "client/endpointlist.h"

#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace wf::console {

class CredentialStore;
class TrayNotifier;

// The console's window: one tab per open platform (each with its own key and state), the menus
// and shortcuts for every main action, the status bar with the current platform's connection
// state, and the tray icon. Remembers its layout and the platforms that were open.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `endpoint` with the first key found: WF_CONSOLE_TOKEN, the keychain, the local
    // stack's key file; else asks (with `reason` when one is known).
    void connectTo(const Endpoint &endpoint);
    // Opens `endpoint` with `token` in a new tab (or shows its tab if open).
    PlatformView *open(const Endpoint &endpoint, const QByteArray &token, const QString &keySource);
    // The endpoints open last time (or none).
    void restoreSession();
    void showConnectionDialog(const Endpoint &endpoint = {}, const QString &message = {});

    PlatformView *currentView() const;
    QList<PlatformView *> views() const;
    QString statusText() const;
    TrayNotifier *tray() const { return m_tray; }
    bool keychainAvailable() const { return m_keychainAvailable; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void updateStatus();
    void updateTray();
    void closeTab(int index);

    QTabWidget *m_tabs = nullptr;
    QLabel *m_connection = nullptr;
    CredentialStore *m_credentials = nullptr;
    TrayNotifier *m_tray = nullptr;
    bool m_keychainAvailable = true;
    QString m_keychainProblem;
};

} // namespace wf::console
