#include "rundetaildialog.h"

#include "confirmationbox.h"
#include "jsoneditor.h"
#include "pagewidgets.h"

#include "client/apiclient.h"
#include "model/displayformat.h"
#include "model/runtimelinemodel.h"
#include "model/stepresultmodel.h"
#include "workflow/status.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

// After the run has ended, its last events are stored within about 100 ms; a few more looks
// catch them even when the platform is slow, then the window stops asking.
constexpr int kRoundsAfterEnd = 5;

QString statusStyle(std::optional<RunStatus> status)
{
    if (!status)
        return {};
    switch (*status) {
    case RunStatus::Success:
        return u"color: #2e7d32;"_s;
    case RunStatus::Failed:
        return u"color: #c62828;"_s;
    case RunStatus::Cancelled:
        return u"color: #757575;"_s;
    case RunStatus::Pending:
    case RunStatus::Running:
        return u"color: #1565c0;"_s;
    }
    return {};
}

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    label->setWordWrap(true);
    return label;
}

} // namespace

RunDetailDialog::RunDetailDialog(ApiClient &client, const QString &runId, QWidget *parent)
    : QDialog(parent), m_client(client), m_runId(runId)
{
    setWindowTitle(tr("Run %1").arg(runId));
    m_timeline = new RunTimelineModel(client, runId, this);
    m_steps = new StepResultModel(this);
    m_timer = new QTimer(this);
    m_timer->setInterval(refreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &RunDetailDialog::refresh);

    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout();
    layout->addLayout(form);
    auto *id = valueLabel(this);
    id->setText(runId);
    form->addRow(tr("Run:"), id);
    m_workflow = valueLabel(this);
    form->addRow(tr("Workflow:"), m_workflow);
    m_status = valueLabel(this);
    form->addRow(tr("Status:"), m_status);
    m_started = valueLabel(this);
    form->addRow(tr("Triggered:"), m_started);
    m_completed = valueLabel(this);
    form->addRow(tr("Ended:"), m_completed);
    m_retryOf = valueLabel(this);
    form->addRow(tr("Retry of:"), m_retryOf);
    connect(m_retryOf, &QLabel::linkActivated, this, [this](const QString &link) { Q_EMIT runOpenRequested(link); });
    m_trace = valueLabel(this);
    form->addRow(tr("Trace id:"), m_trace);
    m_error = valueLabel(this);
    m_error->setStyleSheet(u"QLabel { color: #c62828; }"_s);
    form->addRow(tr("Error:"), m_error);

    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs, 1);
    m_timelineView = rowTable(m_timeline, QAbstractItemView::SingleSelection, tabs);
    m_timelineView->setColumnWidth(RunTimelineModel::Kind, 90);
    m_timelineView->setColumnWidth(RunTimelineModel::Time, 190);
    tabs->addTab(m_timelineView, tr("&Timeline"));
    auto *stepSplitter = new QSplitter(Qt::Vertical, tabs);
    m_stepView = rowTable(m_steps, QAbstractItemView::SingleSelection, stepSplitter);
    m_output = new JsonEditor(stepSplitter);
    m_output->setReadOnly(true);
    m_output->setPlaceholderText(tr("The output of the step selected above"));
    tabs->addTab(stepSplitter, tr("S&teps"));
    connect(m_stepView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        m_output->setJson(current.isValid() ? m_steps->result(current.row()).value(u"output"_s) : QJsonValue());
    });
    connect(m_steps, &StepResultModel::modelReset, this, [this] { m_output->clear(); });
    m_payload = new JsonEditor(tabs);
    m_payload->setReadOnly(true);
    tabs->addTab(m_payload, tr("&Payload"));

    m_problem = problemLabel(this);
    layout->addWidget(m_problem);

    m_cancel = addShortcutAction(this, tr("&Cancel run…"), {QKeySequence(QKeySequence::Delete)}, tr("Cancel this run"));
    m_retry = addShortcutAction(this, tr("&Retry"), {QKeySequence(Qt::CTRL | Qt::Key_R)},
                                tr("Start a new run that resumes at the first step that did not succeed"));
    m_refresh = addShortcutAction(this, tr("Re&fresh"), {QKeySequence(Qt::Key_F5)},
                                  tr("Ask for the run and its timeline again"));
    connect(m_cancel, &QAction::triggered, this, [this] {
        ConfirmationBox::ask(this, tr("Cancel this run?"),
                             tr("Cancel run %1? A pending run will not start; a running one stops before its next step.")
                                     .arg(m_runId),
                             tr("Cancel the run"), [this] { cancelRun(); });
    });
    connect(m_retry, &QAction::triggered, this, &RunDetailDialog::retryRun);
    connect(m_refresh, &QAction::triggered, this, [this] {
        refresh();
        m_timeline->refresh();
    });
    auto *buttons = new QHBoxLayout();
    layout->addLayout(buttons);
    for (QAction *action : {m_cancel, m_retry, m_refresh}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &RunDetailDialog::reject);
    buttons->addWidget(close);

    connect(m_timeline, &RunTimelineModel::loaded, this, &RunDetailDialog::timelineLoaded);
    connect(m_timeline, &RunTimelineModel::failed, this, [this](const QString &message) {
        showProblem(tr("The timeline could not be loaded: %1").arg(message));
    });
    resize(900, 640);
    updateActions();
    refresh();
    m_timer->start();
}

RunDetailDialog::~RunDetailDialog()
{
    // The children go after this object's members: none may call back into it on the way.
    m_stepView->selectionModel()->disconnect(this);
    m_steps->disconnect(this);
    m_timeline->disconnect(this);
}

bool RunDetailDialog::isFollowing() const
{
    return m_timer->isActive();
}

QString RunDetailDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void RunDetailDialog::refresh()
{
    if (m_pending)
        return;
    m_pending = true;
    m_client.get(u"/api/v1/runs/"_s + m_runId, this, [this](const ApiResponse &response) {
        m_pending = false;
        if (!response.ok()) {
            showProblem(tr("The run could not be loaded: %1").arg(response.message()));
            if (response.outcome == ApiResponse::Outcome::Answered && response.status == 404)
                m_timer->stop(); // it will not appear by asking again
            Q_EMIT refreshed();
            return;
        }
        showProblem({});
        showRun(response.object());
        m_timeline->refresh();
        Q_EMIT refreshed();
    });
}

void RunDetailDialog::showRun(const QJsonObject &run)
{
    const bool first = m_run.isEmpty();
    m_run = run;
    const QString status = run.value(u"status"_s).toString();
    const std::optional<RunStatus> known = runStatusFromName(status);
    m_status->setText(status);
    m_status->setStyleSheet(u"QLabel { font-weight: bold; %1 }"_s.arg(statusStyle(known)));
    m_workflow->setText(tr("%1 · version %2")
                                .arg(run.value(u"workflow_id"_s).toString())
                                .arg(run.value(u"workflow_version"_s).toInt()));
    m_started->setText(formatTimestamp(run.value(u"started_at"_s).toString()));
    const double ms = millisecondsBetween(run.value(u"started_at"_s).toString(), run.value(u"completed_at"_s).toString());
    m_completed->setText(ms < 0 ? tr("not yet")
                                : tr("%1 (after %2)")
                                          .arg(formatTimestamp(run.value(u"completed_at"_s).toString()), formatDurationMs(ms)));
    const QString retryOf = run.value(u"retry_of"_s).toString();
    m_retryOf->setText(retryOf.isEmpty() ? u"–"_s : u"<a href=\"%1\">%1</a>"_s.arg(retryOf));
    m_error->setText(run.value(u"error"_s).toString());
    const QJsonValue payload = run.value(u"payload"_s);
    if (first || m_payload->json() != payload)
        m_payload->setJson(payload);
    m_steps->setResults(run.value(u"step_results"_s).toObject());
    if (known && isTerminal(*known)) {
        ++m_roundsSinceEnd;
    } else {
        m_roundsSinceEnd = 0;
        if (!m_timer->isActive())
            m_timer->start();
    }
    updateActions();
}

void RunDetailDialog::timelineLoaded()
{
    m_trace->setText(m_timeline->traceId());
    // Ended and its end recorded (or the record is late): nothing more will happen to it.
    if (m_roundsSinceEnd > 0 && (m_timeline->hasKind(u"finished"_s) || m_roundsSinceEnd >= kRoundsAfterEnd))
        m_timer->stop();
}

void RunDetailDialog::cancelRun()
{
    if (m_acting)
        return;
    m_acting = true;
    updateActions();
    m_client.post(u"/api/v1/runs/%1/cancel"_s.arg(m_runId), QJsonDocument(QJsonObject()), this,
                  [this](const ApiResponse &response) { cancelled(response); });
}

void RunDetailDialog::cancelled(const ApiResponse &response)
{
    m_acting = false;
    if (!response.ok()) {
        showProblem(tr("Not cancelled: %1").arg(response.message()));
        updateActions();
        refresh(); // it ended meanwhile, most likely: show how
        return;
    }
    showRun(response.object());
    Q_EMIT statusMessage(tr("Run %1 cancelled.").arg(m_runId));
    Q_EMIT runChanged(m_runId);
    m_timer->start(); // its finished event follows
}

void RunDetailDialog::retryRun()
{
    if (m_acting)
        return;
    m_acting = true;
    updateActions();
    m_client.post(u"/api/v1/runs/%1/retry"_s.arg(m_runId), QJsonDocument(QJsonObject()), this,
                  [this](const ApiResponse &response) { retried(response); });
}

void RunDetailDialog::retried(const ApiResponse &response)
{
    m_acting = false;
    updateActions();
    const QString retry = response.object().value(u"run_id"_s).toString();
    if (!response.ok() || retry.isEmpty()) {
        showProblem(tr("Not retried: %1").arg(response.ok() ? tr("the platform named no new run") : response.message()));
        return;
    }
    Q_EMIT statusMessage(tr("Run %1 retried as run %2.").arg(m_runId, retry));
    Q_EMIT runChanged(m_runId);
    Q_EMIT runOpenRequested(retry);
}

void RunDetailDialog::showProblem(const QString &problem)
{
    setProblem(m_problem, problem);
}

void RunDetailDialog::updateActions()
{
    const std::optional<RunStatus> status = runStatusFromName(this->status());
    m_cancel->setEnabled(!m_acting && status && (*status == RunStatus::Pending || *status == RunStatus::Running));
    m_retry->setEnabled(!m_acting && status && (*status == RunStatus::Failed || *status == RunStatus::Cancelled));
}

} // namespace wf::console
