#include "runspage.h"

#include "confirmationbox.h"
#include "pagewidgets.h"
#include "rundetaildialog.h"

#include "client/apiclient.h"
#include "model/runlistmodel.h"
#include "workflow/status.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

// While a just-triggered run is awaited: the list's newest page is cached by the API for 2 s,
// so looking twice a second shows the run within about that.
constexpr int kExpectIntervalMs = 500;
constexpr int kExpectForMs = 10000;
constexpr int kListCacheMs = 2100; // a little more than the API's cache of run list pages

} // namespace

RunsPage::RunsPage(ApiClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    m_model = new RunListModel(client, this);
    m_model->setPageSize(200); // the API's largest: fewer round trips while scrolling far
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &RunsPage::tick);

    auto *layout = new QVBoxLayout(this);
    auto *filters = new QHBoxLayout();
    layout->addLayout(filters);
    m_status = new QComboBox(this);
    m_status->addItem(tr("All statuses"), QString());
    m_status->addItem(tr("pending"), statusName(RunStatus::Pending));
    m_status->addItem(tr("running"), statusName(RunStatus::Running));
    m_status->addItem(tr("success"), statusName(RunStatus::Success));
    m_status->addItem(tr("failed"), statusName(RunStatus::Failed));
    m_status->addItem(tr("cancelled"), statusName(RunStatus::Cancelled));
    auto *statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    filters->addWidget(statusLabel);
    filters->addWidget(m_status);
    m_workflow = new QLineEdit(this);
    m_workflow->setClearButtonEnabled(true);
    m_workflow->setPlaceholderText(tr("any workflow (enter a workflow id)"));
    m_workflow->setMinimumWidth(300);
    auto *workflowLabel = new QLabel(tr("&Workflow:"), this);
    workflowLabel->setBuddy(m_workflow);
    filters->addWidget(workflowLabel);
    filters->addWidget(m_workflow, 1);
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    filters->addWidget(bar);

    // Column widths are set, not measured: resizing to contents would read every loaded row.
    m_view = rowTable(m_model, QAbstractItemView::ExtendedSelection, this);
    const int digit = m_view->fontMetrics().horizontalAdvance(u'0');
    m_view->setColumnWidth(RunListModel::Id, 34 * digit);
    m_view->setColumnWidth(RunListModel::Workflow, 34 * digit);
    m_view->setColumnWidth(RunListModel::Status, 11 * digit);
    m_view->setColumnWidth(RunListModel::Started, 25 * digit);
    m_view->setColumnWidth(RunListModel::Duration, 11 * digit);
    layout->addWidget(m_view, 1);

    auto *footer = new QHBoxLayout();
    layout->addLayout(footer);
    m_summary = new QLabel(this);
    footer->addWidget(m_summary, 1);
    m_problem = problemLabel(this);
    layout->addWidget(m_problem);
    m_report = problemLabel(this);
    layout->addWidget(m_report);

    m_open = addShortcutAction(this, tr("&Open"), {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)},
                           tr("Show the selected run with its timeline"));
    // Return belongs to the filter field while it has the focus; the table opens on it.
    m_open->setShortcutContext(Qt::WidgetShortcut);
    removeAction(m_open);
    m_view->addAction(m_open);
    m_cancel = addShortcutAction(this, tr("&Cancel runs…"), {QKeySequence(QKeySequence::Delete)}, tr("Cancel the selected runs"));
    m_retry = addShortcutAction(this, tr("Re&try runs…"), {QKeySequence(Qt::CTRL | Qt::Key_R)},
                                tr("Retry the selected failed or cancelled runs"));
    m_refresh = addShortcutAction(this, tr("&Refresh"), {QKeySequence(Qt::Key_F5)}, tr("Load the list again from the top"));
    for (QAction *action : {m_open, m_cancel, m_retry, m_refresh})
        bar->addAction(action);

    connect(m_open, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            openRun(m_model->idAt(current.row()));
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) { openRun(m_model->idAt(index.row())); });
    connect(m_cancel, &QAction::triggered, this, &RunsPage::cancelSelected);
    connect(m_retry, &QAction::triggered, this, &RunsPage::retrySelected);
    connect(m_refresh, &QAction::triggered, this, &RunsPage::refresh);
    connect(m_status, &QComboBox::currentIndexChanged, this, &RunsPage::applyFilters);
    connect(m_workflow, &QLineEdit::editingFinished, this, [this] {
        if (m_workflow->text().trimmed() != m_workflow->property("applied").toString())
            applyFilters();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPage::updateActions);
    connect(m_model, &RunListModel::rowsInserted, this, [this] {
        for (auto it = m_expected.begin(); it != m_expected.end();)
            it = m_model->indexOfId(*it) >= 0 ? m_expected.erase(it) : std::next(it);
        updateSummary();
    });
    connect(m_model, &RunListModel::modelReset, this, &RunsPage::updateSummary);
    connect(m_model, &RunListModel::pageLoaded, this, [this] {
        setProblem(m_problem, {});
        updateSummary();
    });
    connect(m_model, &RunListModel::failed, this, [this](const QString &message) {
        setProblem(m_problem, tr("The runs could not be loaded: %1").arg(message));
        updateSummary();
        Q_EMIT statusMessage(m_problem->text());
    });
    updateSummary();
    updateActions();
}

RunsPage::~RunsPage()
{
    // The children go after this object's members: none may call back into it on the way.
    m_view->selectionModel()->disconnect(this);
    m_model->disconnect(this);
    qDeleteAll(findChildren<RunDetailDialog *>(Qt::FindDirectChildrenOnly));
}

void RunsPage::activate()
{
    m_active = true;
    if (!m_loaded) {
        m_loaded = true;
        applyFilters();
    } else {
        m_model->refreshHead();
    }
    m_timer->start(m_expected.isEmpty() ? refreshIntervalMs : kExpectIntervalMs);
}

void RunsPage::deactivate()
{
    m_active = false;
    m_timer->stop();
}

void RunsPage::tick()
{
    m_model->refreshHead();
    if (!m_expected.isEmpty() && m_expectUntil.hasExpired())
        m_expected.clear();
    const int interval = m_expected.isEmpty() ? refreshIntervalMs : kExpectIntervalMs;
    if (m_timer->interval() != interval)
        m_timer->setInterval(interval);
}

void RunsPage::expectRun(const QString &runId)
{
    if (runId.isEmpty() || m_model->indexOfId(runId) >= 0)
        return;
    m_expected.insert(runId);
    m_expectUntil = QDeadlineTimer(kExpectForMs);
    if (m_active)
        m_timer->start(kExpectIntervalMs);
}

void RunsPage::showRuns(const QString &workflowId)
{
    m_workflow->setText(workflowId);
    m_loaded = true;
    applyFilters();
}

void RunsPage::refresh()
{
    m_loaded = true;
    m_model->reload();
}

void RunsPage::applyFilters()
{
    const QString workflowId = m_workflow->text().trimmed();
    m_workflow->setProperty("applied", workflowId);
    m_model->setStatusFilter(m_status->currentData().toString());
    m_model->setWorkflowFilter(workflowId);
    m_model->reload();
    updateSummary();
}

QStringList RunsPage::selectedRunIds() const
{
    QStringList ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    ids.reserve(rows.size());
    for (const QModelIndex &row : rows)
        ids.append(m_model->idAt(row.row()));
    return ids;
}

RunDetailDialog *RunsPage::detailDialog(const QString &runId) const
{
    return m_dialogs.value(runId);
}

void RunsPage::openRun(const QString &runId)
{
    if (runId.isEmpty())
        return;
    if (RunDetailDialog *open = m_dialogs.value(runId)) {
        open->raise();
        open->activateWindow();
        return;
    }
    // Closed windows leave null pointers behind (not a destroyed() handler: the page's own
    // destructor deletes the windows after its members are gone).
    m_dialogs.removeIf([](const auto &entry) { return entry.value().isNull(); });
    auto *dialog = new RunDetailDialog(m_client, runId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialogs.insert(runId, dialog);
    connect(dialog, &RunDetailDialog::statusMessage, this, &RunsPage::statusMessage);
    connect(dialog, &RunDetailDialog::runOpenRequested, this, [this](const QString &id) {
        expectRun(id);
        openRun(id);
    });
    connect(dialog, &RunDetailDialog::runChanged, this, [this] { m_model->refreshHead(); });
    dialog->show();
    expectRun(runId); // just triggered, perhaps: it shows in the list soon
}

void RunsPage::cancelSelected()
{
    bulk(BulkRunAction::Kind::Cancel);
}

void RunsPage::retrySelected()
{
    bulk(BulkRunAction::Kind::Retry);
}

void RunsPage::bulk(BulkRunAction::Kind kind)
{
    if (m_bulk)
        return;
    const QStringList ids = selectedRunIds();
    const int count = int(ids.size());
    if (count == 0) {
        Q_EMIT statusMessage(tr("Select the runs first (Shift or Ctrl with a click or the arrow keys)."));
        return;
    }
    const bool cancel = kind == BulkRunAction::Kind::Cancel;
    const QString title = cancel ? tr("Cancel %n run(s)?", nullptr, count) : tr("Retry %n run(s)?", nullptr, count);
    const QString text = cancel ? tr("Cancel the %n selected run(s)? Pending runs will not start; running ones stop before "
                                     "their next step. Runs that have ended already stay as they are.",
                                     nullptr, count)
                                : tr("Start a retry of each of the %n selected run(s)? Each retry resumes at the first step "
                                     "that did not succeed. Only failed and cancelled runs can be retried; the others are "
                                     "left alone and counted.",
                                     nullptr, count);
    const QString action = cancel ? tr("Cancel %n run(s)", nullptr, count) : tr("Retry %n run(s)", nullptr, count);
    ConfirmationBox::ask(this, title, text, action, [this, kind, ids] {
        if (m_bulk)
            return;
        m_bulk = new BulkRunAction(m_client, kind, ids, this);
        connect(m_bulk, &BulkRunAction::progress, this, [this](int done, int total) {
            showReport(m_bulk->kind() == BulkRunAction::Kind::Cancel ? tr("Cancelling: %1 of %2…").arg(done).arg(total)
                                                                     : tr("Retrying: %1 of %2…").arg(done).arg(total),
                       false);
        });
        connect(m_bulk, &BulkRunAction::finished, this, &RunsPage::bulkDone);
        updateActions();
        m_bulk->start();
    });
}

void RunsPage::bulkDone()
{
    BulkRunAction *action = m_bulk;
    m_bulk = nullptr;
    action->deleteLater();
    const BulkRunAction::Outcome &outcome = action->outcome();
    const QString text = action->summary();
    showReport(text, outcome.failed > 0);
    Q_EMIT statusMessage(text);
    Q_EMIT bulkFinished(outcome.succeeded, outcome.conflicts, outcome.failed);
    updateActions();
    // Statuses changed throughout the selection, not only among the newest rows, so the list is
    // loaded again; the API keeps list pages for 2 s, so once that has passed.
    m_model->refreshHead();
    QTimer::singleShot(kListCacheMs, this, [this] { m_model->reload(); });
}

QString RunsPage::report() const
{
    return m_report->isHidden() ? QString() : m_report->text();
}

QString RunsPage::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void RunsPage::showReport(const QString &text, bool problem)
{
    m_report->setText(text);
    m_report->setStyleSheet(problem ? u"QLabel { color: #c62828; }"_s : QString());
    m_report->setVisible(!text.isEmpty());
}

void RunsPage::updateSummary()
{
    const int rows = m_model->rowCount();
    QString text;
    if (m_model->loading() && rows == 0)
        text = tr("Loading…");
    else if (m_model->complete())
        text = tr("All %Ln run(s)", nullptr, rows);
    else
        text = tr("%Ln run(s) loaded; more as you scroll down", nullptr, rows);
    m_summary->setText(text);
}

void RunsPage::updateActions()
{
    const bool selected = m_view->selectionModel()->hasSelection();
    m_cancel->setEnabled(selected && !m_bulk);
    m_retry->setEnabled(selected && !m_bulk);
}

} // namespace wf::console
