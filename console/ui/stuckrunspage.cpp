#include "stuckrunspage.h"

#include "confirmationbox.h"
#include "pagewidgets.h"

#include "model/bulkrunaction.h"
#include "model/stuckrunmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wf::console {

StuckRunsPage::StuckRunsPage(ApiClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    m_model = new StuckRunModel(client, this);
    m_timer = new QTimer(this);
    m_timer->setInterval(refreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &StuckRunsPage::refresh);

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout();
    layout->addLayout(top);
    m_pendingSeconds = new QSpinBox(this);
    m_pendingSeconds->setRange(1, 86400);
    m_pendingSeconds->setValue(m_model->pendingSeconds());
    m_pendingSeconds->setSuffix(tr(" s"));
    m_pendingSeconds->setToolTip(tr("A pending run counts as stuck after this long without a worker taking it"));
    auto *pendingLabel = new QLabel(tr("Pending &longer than:"), this);
    pendingLabel->setBuddy(m_pendingSeconds);
    top->addWidget(pendingLabel);
    top->addWidget(m_pendingSeconds);
    top->addStretch(1);
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    top->addWidget(bar);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_view = rowTable(m_model, QAbstractItemView::ExtendedSelection, this);
    const int digit = m_view->fontMetrics().horizontalAdvance(u'0');
    m_view->setColumnWidth(StuckRunModel::Run, 34 * digit);
    m_view->setColumnWidth(StuckRunModel::Workflow, 34 * digit);
    layout->addWidget(m_view, 1);
    m_report = problemLabel(this);
    layout->addWidget(m_report);

    m_requeue = addShortcutAction(this, tr("Re&queue…"), {QKeySequence(Qt::CTRL | Qt::Key_R)},
                                  tr("Put the selected runs back on the queue for a worker to resume"));
    m_refresh = addShortcutAction(this, tr("&Refresh"), {QKeySequence(Qt::Key_F5)}, tr("Ask for the stuck runs now"));
    m_open = addShortcutAction(this, tr("&Open run"), {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)},
                               tr("Show the selected run in full"));
    m_open->setShortcutContext(Qt::WidgetShortcut); // Return in the spin box is the spin box's
    removeAction(m_open);
    m_view->addAction(m_open);
    for (QAction *action : {m_requeue, m_refresh, m_open})
        bar->addAction(action);
    connect(m_requeue, &QAction::triggered, this, &StuckRunsPage::requeueSelected);
    connect(m_refresh, &QAction::triggered, this, &StuckRunsPage::refresh);
    connect(m_open, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            Q_EMIT runActivated(m_model->idAt(current.row()));
    });
    connect(m_view, &QTableView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT runActivated(m_model->idAt(index.row())); });
    connect(m_pendingSeconds, &QSpinBox::valueChanged, this, [this](int seconds) {
        m_model->setPendingSeconds(seconds);
        refresh();
    });
    connect(m_model, &StuckRunModel::refreshed, this, &StuckRunsPage::refreshed);
    connect(m_model, &StuckRunModel::failed, this, [this](const QString &message) {
        m_summary->setText(tr("The stuck runs could not be loaded: %1").arg(message));
        m_summary->setStyleSheet(u"QLabel { color: #c62828; }"_s);
        Q_EMIT statusMessage(m_summary->text());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &StuckRunsPage::updateActions);
    connect(m_model, &StuckRunModel::modelReset, this, &StuckRunsPage::updateActions);
    m_summary->setText(tr("Not loaded yet."));
    updateActions();
}

StuckRunsPage::~StuckRunsPage()
{
    // The children go after this object's members: none may call back into it on the way.
    m_view->selectionModel()->disconnect(this);
    m_model->disconnect(this);
}

void StuckRunsPage::activate()
{
    refresh();
    m_timer->start();
}

void StuckRunsPage::deactivate()
{
    m_timer->stop();
}

bool StuckRunsPage::isFollowing() const
{
    return m_timer->isActive();
}

void StuckRunsPage::refresh()
{
    m_model->refresh();
}

QString StuckRunsPage::summary() const
{
    return m_summary->text();
}

void StuckRunsPage::refreshed()
{
    m_summary->setStyleSheet(QString());
    const int count = m_model->rowCount();
    const QString at = QLocale().toString(QTime::currentTime(), u"HH:mm:ss"_s);
    m_summary->setText(count == 0 ? tr("No stuck runs: every run is moving (as of %1).").arg(at)
                                  : tr("%n stuck run(s) (as of %1). Requeue puts a run back on the queue; a worker "
                                       "resumes it at its first unfinished step.",
                                       nullptr, count)
                                            .arg(at));
}

QStringList StuckRunsPage::selectedRunIds() const
{
    QStringList ids;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        ids.append(m_model->idAt(row.row()));
    return ids;
}

void StuckRunsPage::requeueSelected()
{
    if (m_bulk)
        return;
    const QStringList ids = selectedRunIds();
    const int count = int(ids.size());
    if (count == 0) {
        Q_EMIT statusMessage(tr("Select the runs to requeue first."));
        return;
    }
    ConfirmationBox::ask(this, tr("Requeue %n run(s)?", nullptr, count),
                         tr("Put the %n selected run(s) back on the queue? A worker resumes each at its first unfinished "
                            "step. A run that is running under a live lease, or has ended, is left alone.",
                            nullptr, count),
                         tr("Requeue %n run(s)", nullptr, count), [this, ids] {
                             if (m_bulk)
                                 return;
                             m_bulk = new BulkRunAction(m_client, BulkRunAction::Kind::Requeue, ids, this);
                             connect(m_bulk, &BulkRunAction::finished, this, &StuckRunsPage::requeued);
                             updateActions();
                             m_bulk->start();
                         });
}

void StuckRunsPage::requeued()
{
    BulkRunAction *action = m_bulk;
    m_bulk = nullptr;
    action->deleteLater();
    const BulkRunAction::Outcome &outcome = action->outcome();
    const QString text = action->summary();
    setProblem(m_report, text);
    m_report->setStyleSheet(outcome.failed > 0 ? u"QLabel { color: #c62828; }"_s : QString());
    Q_EMIT statusMessage(text);
    Q_EMIT requeueFinished(outcome.succeeded, outcome.conflicts, outcome.failed);
    updateActions();
    refresh();
}

void StuckRunsPage::updateActions()
{
    m_requeue->setEnabled(m_view->selectionModel()->hasSelection() && !m_bulk);
}

} // namespace wf::console
