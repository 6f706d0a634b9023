#include "mainwindow.h"

#include "connectiondialog.h"
#include "traynotifier.h"

#include "client/credentialstore.h"
#include "client/tokensources.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QIcon>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace wf::console {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_credentials(new CredentialStore(u"wf-console"_s, this))
{
    setWindowTitle(tr("Workflow Automation Platform — Console"));
    setWindowIcon(QIcon(u":/console/wf-console.svg"_s));
    m_tabs = new QTabWidget(this);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateStatus);
    setCentralWidget(m_tabs);
    m_connection = new QLabel(tr("Not connected: Platform ▸ Connect… (Ctrl+O)"), this);
    statusBar()->addPermanentWidget(m_connection, 1);
    createActions();
    const QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray())) {
        const QRect screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableGeometry() : QRect(0, 0, 1280, 860);
        resize(std::min(1440, screen.width() * 95 / 100), std::min(960, screen.height() * 95 / 100));
    }
    restoreState(settings.value(u"window/state"_s).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *platform = menuBar()->addMenu(tr("&Platform"));
    QAction *connectAction = platform->addAction(QIcon(u":/console/connect.svg"_s), tr("&Connect…"), this,
                                                 [this] { showConnectionDialog(); });
    connectAction->setShortcut(QKeySequence::Open);
    QAction *refresh = platform->addAction(QIcon(u":/console/refresh.svg"_s), tr("&Refresh"), this, [this] {
        if (PlatformView *view = currentView())
            view->refresh();
    });
    refresh->setShortcut(QKeySequence::Refresh);
    QAction *close = platform->addAction(tr("C&lose platform"), this, [this] { closeTab(m_tabs->currentIndex()); });
    close->setShortcut(QKeySequence::Close);
    platform->addSeparator();
    QAction *quit = platform->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QList<std::pair<PlatformView::Page, QString>> pages{{PlatformView::Overview, tr("&Overview")},
                                                              {PlatformView::Capacity, tr("&Capacity and scaling")},
                                                              {PlatformView::Workflows, tr("&Workflows")},
                                                              {PlatformView::Runs, tr("&Runs")},
                                                              {PlatformView::Stuck, tr("&Stuck runs")}};
    for (int i = 0; i < pages.size(); ++i) {
        const PlatformView::Page page = pages.at(i).first;
        QAction *action = view->addAction(pages.at(i).second, this, [this, page] {
            if (PlatformView *current = currentView())
                current->showPage(page);
        });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QAction *nextTab = view->addAction(tr("&Next platform"), this,
                                       [this] { m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % std::max(1, m_tabs->count())); });
    nextTab->setShortcut(QKeySequence::NextChild);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] {
        QMessageBox::information(
                this, tr("Keyboard shortcuts"),
                tr("Ctrl+O connect · F5 refresh · Ctrl+W close platform · Ctrl+Tab next platform\n"
                   "Ctrl+1 overview · Ctrl+2 capacity · Ctrl+3 workflows · Ctrl+4 runs · Ctrl+5 stuck runs\n"
                   "Workflows: Ctrl+N new · Ctrl+S save · Ctrl+T trigger\n"
                   "Runs: Return details · Del cancel · Ctrl+R retry"));
    });
    help->addAction(tr("&About"), this, [this] {
        QMessageBox::about(this, tr("About the console"),
                           tr("wf-console %1: the operator console of the Workflow Automation Platform. It talks to the "
                              "platform's REST API only.")
                                   .arg(QApplication::applicationVersion()));
    });

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolbar"_s);
    toolbar->addAction(connectAction);
    toolbar->addAction(refresh);

    auto *trayMenu = new QMenu(this);
    trayMenu->addAction(tr("Show the console"), this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    trayMenu->addAction(quit);
    m_tray = new TrayNotifier(trayMenu, this);
    connect(m_tray, &TrayNotifier::activated, this, [this] {
        showNormal();
        raise();
    });
    connect(m_tray, &TrayNotifier::notified, this, [this](const QString &message) { statusBar()->showMessage(message, 15000); });
}

PlatformView *MainWindow::currentView() const
{
    return qobject_cast<PlatformView *>(m_tabs->currentWidget());
}

QList<PlatformView *> MainWindow::views() const
{
    QList<PlatformView *> list;
    for (int i = 0; i < m_tabs->count(); ++i)
        list.append(qobject_cast<PlatformView *>(m_tabs->widget(i)));
    return list;
}

QString MainWindow::statusText() const
{
    return m_connection->text();
}

void MainWindow::connectTo(const Endpoint &endpoint)
{
    if (const QByteArray token = TokenSources::fromEnvironment(); !token.isEmpty()) {
        open(endpoint, token, u"WF_CONSOLE_TOKEN"_s);
        return;
    }
    m_credentials->read(endpoint.name, [this, endpoint](const CredentialStore::Outcome &outcome) {
        if (!outcome.keychainAvailable) {
            m_keychainAvailable = false;
            m_keychainProblem = outcome.error;
        }
        if (outcome.ok && !outcome.token.isEmpty()) {
            open(endpoint, outcome.token, tr("the keychain"));
            return;
        }
        const TokenSources::Found found = TokenSources::find();
        if (!found.token.isEmpty()) {
            open(endpoint, found.token, found.source);
            if (!m_keychainAvailable)
                statusBar()->showMessage(tr("%1 Using the key from %2.").arg(m_keychainProblem, found.source), 15000);
            return;
        }
        showConnectionDialog(endpoint, outcome.ok ? QString() : outcome.error);
    });
}

PlatformView *MainWindow::open(const Endpoint &endpoint, const QByteArray &token, const QString &keySource)
{
    for (PlatformView *existing : views()) {
        if (existing->endpoint().url == endpoint.url) {
            m_tabs->setCurrentWidget(existing);
            return existing;
        }
    }
    auto *view = new PlatformView(endpoint, token, m_tabs);
    const int index = m_tabs->addTab(view, QIcon(TrayNotifier::iconPath(Level::Unknown)), endpoint.name);
    m_tabs->setTabToolTip(index, endpoint.url.toString());
    m_tabs->setCurrentIndex(index);
    connect(view, &PlatformView::connectionStateChanged, this, &MainWindow::updateStatus);
    connect(view, &PlatformView::statusMessage, this, [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(view, &PlatformView::healthChanged, this, [this, view](Level level, const QString &) {
        m_tabs->setTabIcon(m_tabs->indexOf(view), QIcon(TrayNotifier::iconPath(level)));
        updateTray();
    });
    connect(view, &PlatformView::alert, this, [this, view](HealthMonitor::Kind, const QString &title, const QString &text) {
        m_tray->notify(view->endpoint().name, title, text);
    });
    EndpointList::remember(endpoint);
    QStringList names;
    for (PlatformView *open : views())
        names.append(open->endpoint().name);
    EndpointList::setLastOpen(names);
    statusBar()->showMessage(tr("Opened %1 with the key from %2.").arg(endpoint.url.toString(), keySource), 8000);
    updateStatus();
    return view;
}

void MainWindow::restoreSession()
{
    const QList<Endpoint> known = EndpointList::load();
    for (const QString &name : EndpointList::lastOpen()) {
        for (const Endpoint &endpoint : known) {
            if (endpoint.name == name)
                connectTo(endpoint);
        }
    }
}

void MainWindow::showConnectionDialog(const Endpoint &endpoint, const QString &message)
{
    auto *dialog = new ConnectionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!endpoint.url.isEmpty())
        dialog->setEndpoint(endpoint);
    dialog->setKeychainAvailable(m_keychainAvailable, m_keychainProblem);
    dialog->setMessage(message);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Endpoint chosen = dialog->endpoint();
        const QByteArray token = dialog->token();
        if (dialog->storeInKeychain()) {
            m_credentials->write(chosen.name, token, [this](const CredentialStore::Outcome &outcome) {
                if (!outcome.ok) {
                    m_keychainAvailable = outcome.keychainAvailable;
                    m_keychainProblem = outcome.error;
                    statusBar()->showMessage(tr("The key was not stored: %1 It is kept for this session.").arg(outcome.error),
                                             15000);
                }
            });
        }
        open(chosen, token, tr("the connection dialog"));
    });
    dialog->open();
}

void MainWindow::closeTab(int index)
{
    QWidget *widget = m_tabs->widget(index);
    if (!widget)
        return;
    m_tabs->removeTab(index);
    widget->deleteLater();
    QStringList names;
    for (PlatformView *open : views())
        names.append(open->endpoint().name);
    EndpointList::setLastOpen(names);
    updateStatus();
    updateTray();
}

void MainWindow::updateStatus()
{
    PlatformView *view = currentView();
    m_connection->setText(view ? view->connectionState() : tr("Not connected: Platform ▸ Connect… (Ctrl+O)"));
}

void MainWindow::updateTray()
{
    // The worst of the open platforms: one that cannot be asked counts as unknown.
    Level worst = Level::Good;
    QStringList summaries;
    const QList<PlatformView *> open = views();
    for (PlatformView *view : open) {
        const auto rank = [](Level level) {
            return level == Level::Good ? 0 : level == Level::Warning ? 1 : level == Level::Unknown ? 2 : 3;
        };
        if (rank(view->health().level()) > rank(worst))
            worst = view->health().level();
        summaries.append(view->endpoint().name + u": "_s
                         + (view->health().conditions().isEmpty() ? tr("healthy") : view->health().conditions().join(u"; "_s)));
    }
    m_tray->setHealth(tr("Workflow console"), open.isEmpty() ? Level::Unknown : worst, summaries.join(u'\n'));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    QMainWindow::closeEvent(event);
}

} // namespace wf::console
