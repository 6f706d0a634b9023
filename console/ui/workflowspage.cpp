#include "workflowspage.h"

#include "confirmationbox.h"
#include "jsoneditor.h"
#include "pagewidgets.h"
#include "triggerdialog.h"

#include "client/apiclient.h"
#include "model/jsonlocator.h"
#include "model/workflowlistmodel.h"

#include <QAction>
#include <QJsonArray>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

// What a new definition starts from: one step of each common kind, templates included, so the
// operator sees the shape the API wants.
QJsonObject exampleDefinition()
{
    return QJsonObject{
            {u"name"_s, u"new workflow"_s},
            {u"description"_s, u"what it is for"_s},
            {u"steps"_s,
             QJsonArray{QJsonObject{{u"name"_s, u"wait"_s}, {u"type"_s, u"delay"_s}, {u"config"_s, QJsonObject{{u"duration"_s, 1}}}},
                        QJsonObject{{u"name"_s, u"greet"_s},
                                    {u"type"_s, u"transform"_s},
                                    {u"config"_s, QJsonObject{{u"output"_s, QJsonObject{{u"text"_s, u"hello ${payload.user}"_s}}}}}}}}};
}

// The fields a definition is written with; the rest of a stored workflow (ids, version, times)
// is the platform's and would only mislead in the editor.
QJsonObject editableFields(const QJsonObject &workflow)
{
    QJsonObject definition;
    for (const QString &field : {u"id"_s, u"name"_s, u"description"_s, u"steps"_s}) {
        const QJsonValue value = workflow.value(field);
        if (!value.isUndefined() && !value.isNull())
            definition.insert(field, value);
    }
    return definition;
}

} // namespace

WorkflowsPage::WorkflowsPage(ApiClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    m_model = new WorkflowListModel(client, this);

    auto *layout = new QVBoxLayout(this);
    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_new = addShortcutAction(this, tr("&New"), {QKeySequence(Qt::CTRL | Qt::Key_N)}, tr("Start a new workflow definition"));
    m_save = addShortcutAction(this, tr("&Save"), {QKeySequence(Qt::CTRL | Qt::Key_S)},
                               tr("Save the definition: a new workflow, or a new version of this one"));
    m_revert = addShortcutAction(this, tr("Re&vert"), {}, tr("Throw away the changes since the last save"));
    m_trigger = addShortcutAction(this, tr("&Trigger…"), {QKeySequence(Qt::CTRL | Qt::Key_T)}, tr("Start a run of this workflow"));
    m_runs = addShortcutAction(this, tr("Show r&uns"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
                               tr("Open the run browser filtered to this workflow"));
    m_refresh = addShortcutAction(this, tr("&Refresh"), {QKeySequence(Qt::Key_F5)}, tr("Load the list of workflows again"));
    for (QAction *action : {m_new, m_save, m_revert, m_trigger, m_runs})
        bar->addAction(action);
    layout->addWidget(bar);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter, 1);
    auto *listPane = new QWidget(splitter);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_listProblem = problemLabel(listPane);
    listLayout->addWidget(m_listProblem);
    m_view = rowTable(m_model, QAbstractItemView::SingleSelection, listPane);
    m_view->setColumnWidth(WorkflowListModel::Name, 200);
    listLayout->addWidget(m_view);

    auto *editorPane = new QWidget(splitter);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(editorPane);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    editorLayout->addWidget(m_title);
    m_editor = new JsonEditor(editorPane);
    m_editor->setRequireObject(true);
    editorLayout->addWidget(m_editor, 1);
    // Right under the editor, where the eye is after Save.
    m_problem = problemLabel(editorPane);
    m_problem->setStyleSheet(u"QLabel { color: #c62828; background: #ffebee; padding: 4px; }"_s);
    editorLayout->addWidget(m_problem);
    bar->addAction(m_editor->formatAction());
    bar->addAction(m_refresh);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    connect(m_new, &QAction::triggered, this, &WorkflowsPage::newWorkflow);
    connect(m_save, &QAction::triggered, this, &WorkflowsPage::save);
    connect(m_revert, &QAction::triggered, this, [this] { m_editor->setPlainText(m_savedText); });
    connect(m_trigger, &QAction::triggered, this, &WorkflowsPage::triggerRun);
    connect(m_runs, &QAction::triggered, this, [this] {
        if (!m_workflowId.isEmpty())
            Q_EMIT runsRequested(m_workflowId);
    });
    connect(m_refresh, &QAction::triggered, this, &WorkflowsPage::refresh);
    connect(m_editor, &JsonEditor::validityChanged, this, &WorkflowsPage::showProblem);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        updateTitle();
        updateActions();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (!m_selecting && current.isValid())
            edit(m_model->idAt(current.row()));
    });
    connect(m_model, &WorkflowListModel::pageLoaded, this, [this] {
        m_listProblem->hide();
        selectCurrent();
    });
    connect(m_model, &WorkflowListModel::failed, this, [this](const QString &message) {
        setProblem(m_listProblem, tr("The list of workflows could not be loaded: %1").arg(message));
        Q_EMIT statusMessage(m_listProblem->text());
    });
    start(exampleDefinition());
}

WorkflowsPage::~WorkflowsPage()
{
    // The children go after this object's members: none may call back into it on the way.
    m_view->selectionModel()->disconnect(this);
    m_model->disconnect(this);
}

void WorkflowsPage::activate()
{
    if (!m_loaded) {
        m_loaded = true;
        m_model->reload();
    } else {
        m_model->refreshHead(); // workflows made elsewhere since
    }
}

void WorkflowsPage::deactivate()
{
    // Nothing refreshes by itself here: workflows change when someone saves one.
}

void WorkflowsPage::refresh()
{
    m_loaded = true;
    m_model->reload();
}

QString WorkflowsPage::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

bool WorkflowsPage::isModified() const
{
    return m_editor->toPlainText() != m_savedText;
}

void WorkflowsPage::start(const QJsonObject &definition)
{
    m_workflowId.clear();
    m_workflowName.clear();
    m_version = 0;
    m_refusal.clear();
    m_editor->setJson(definition);
    m_savedText = m_editor->toPlainText();
    m_view->clearSelection();
    showProblem();
    updateTitle();
    updateActions();
}

void WorkflowsPage::newWorkflow()
{
    auto begin = [this] {
        start(exampleDefinition());
        m_editor->setFocus();
    };
    if (!isModified())
        return begin();
    ConfirmationBox::ask(this, tr("Discard changes?"),
                         tr("The definition in the editor has changes that are not saved. Discard them and start a new one?"),
                         tr("&Discard changes"), begin);
}

void WorkflowsPage::edit(const QString &workflowId)
{
    if (workflowId.isEmpty() || (workflowId == m_workflowId && !isModified()))
        return;
    auto open = [this, workflowId] {
        const int row = m_model->indexOfId(workflowId);
        if (row >= 0)
            return showWorkflow(m_model->item(row));
        m_client.get(u"/api/v1/workflows/"_s + workflowId, this, [this, workflowId](const ApiResponse &response) {
            if (response.ok())
                return showWorkflow(response.object());
            m_refusal = tr("Workflow %1 could not be opened: %2").arg(workflowId, response.message());
            showProblem();
        });
    };
    if (!isModified())
        return open();
    ConfirmationBox::ask(this, tr("Discard changes?"),
                         tr("The definition in the editor has changes that are not saved. Discard them and open the other "
                            "workflow?"),
                         tr("&Discard changes"), open);
}

void WorkflowsPage::showWorkflow(const QJsonObject &workflow)
{
    m_workflowId = workflow.value(u"workflow_id"_s).toString();
    m_workflowName = workflow.value(u"name"_s).toString();
    m_version = workflow.value(u"version"_s).toInt();
    m_refusal.clear();
    m_editor->setJson(editableFields(workflow));
    m_savedText = m_editor->toPlainText();
    showProblem();
    updateTitle();
    updateActions();
    selectCurrent();
}

void WorkflowsPage::save()
{
    if (m_saving)
        return;
    if (!m_editor->isValid()) {
        // Nothing is sent that is not even JSON; the editor marks the line already.
        m_refusal = tr("Not saved: %1").arg(m_editor->problem());
        showProblem();
        m_editor->setFocus();
        return;
    }
    m_saving = true;
    updateActions();
    const QString sent = m_editor->toPlainText();
    const bool create = m_workflowId.isEmpty();
    const QJsonDocument body(m_editor->json().toObject());
    auto done = [this, sent, create](const ApiResponse &response) { saved(response, sent, create); };
    if (create)
        m_client.post(u"/api/v1/workflows"_s, body, this, done);
    else
        m_client.put(u"/api/v1/workflows/"_s + m_workflowId, body, this, done);
    Q_EMIT statusMessage(tr("Saving…"));
}

void WorkflowsPage::saved(const ApiResponse &response, const QString &sentText, bool created)
{
    m_saving = false;
    if (!response.ok()) {
        const QString detail = response.detail();
        if (response.outcome == ApiResponse::Outcome::Answered && response.status == 400 && !detail.isEmpty()) {
            m_refusal = tr("The platform refused the definition: %1").arg(detail);
            // Point at what it names, if the text is still the one it judged.
            const JsonLocator::Span span = JsonLocator::locate(sentText, JsonLocator::pathOfProblem(detail));
            if (span.isValid() && m_editor->toPlainText() == sentText) {
                m_editor->selectSpan(span.offset, span.length);
                m_editor->setFocus();
            }
        } else {
            m_refusal = tr("Not saved: %1").arg(response.message());
        }
        showProblem();
        updateActions();
        Q_EMIT statusMessage(m_refusal);
        return;
    }
    const QJsonObject answer = response.object();
    if (created) {
        m_workflowId = answer.value(u"workflow_id"_s).toString();
        m_version = 1;
    } else {
        m_version = answer.value(u"version"_s).toInt(m_version + 1);
    }
    m_workflowName = QJsonDocument::fromJson(sentText.toUtf8()).object().value(u"name"_s).toString();
    m_savedText = sentText;
    m_refusal.clear();
    showProblem();
    updateTitle();
    updateActions();
    Q_EMIT statusMessage(created ? tr("Workflow “%1” created (%2).").arg(m_workflowName, m_workflowId)
                                 : tr("Workflow “%1” saved as version %2.").arg(m_workflowName).arg(m_version));
    m_model->reload(); // its row (new, or with the new version) is selected when the page arrives
}

void WorkflowsPage::triggerRun()
{
    if (m_workflowId.isEmpty()) {
        Q_EMIT statusMessage(tr("Save the workflow before triggering it (Ctrl+S)."));
        return;
    }
    if (isModified())
        Q_EMIT statusMessage(tr("The run uses version %1 as saved, not the changes in the editor.").arg(m_version));
    auto *dialog = new TriggerDialog(m_client, m_workflowId, m_workflowName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const auto last = m_lastPayload.constFind(m_workflowId);
    if (last != m_lastPayload.constEnd())
        dialog->payloadEditor()->setPlainText(*last);
    connect(dialog, &TriggerDialog::triggered, this, [this, dialog](const QString &runId, const QString &workflowId) {
        m_lastPayload.insert(workflowId, dialog->payloadEditor()->toPlainText());
        Q_EMIT statusMessage(tr("Run %1 triggered.").arg(runId));
        Q_EMIT runTriggered(runId, workflowId);
    });
    dialog->open();
}

void WorkflowsPage::showProblem()
{
    // A syntax error is the more urgent; the platform's last word stays until the next save.
    const QString problem = !m_editor->isValid() ? tr("Not valid JSON: %1").arg(m_editor->problem()) : m_refusal;
    setProblem(m_problem, problem);
}

void WorkflowsPage::selectCurrent()
{
    const int row = m_workflowId.isEmpty() ? -1 : m_model->indexOfId(m_workflowId);
    if (row < 0)
        return;
    m_selecting = true;
    m_view->selectRow(row);
    m_selecting = false;
}

void WorkflowsPage::updateTitle()
{
    const QString changed = isModified() ? tr(" — changed, not saved") : QString();
    if (m_workflowId.isEmpty())
        m_title->setText(tr("<b>New workflow</b> — not saved yet"));
    else
        m_title->setText(tr("<b>%1</b> · version %2 · %3%4")
                                 .arg(m_workflowName.toHtmlEscaped())
                                 .arg(m_version)
                                 .arg(m_workflowId, changed));
}

void WorkflowsPage::updateActions()
{
    m_save->setEnabled(!m_saving);
    m_trigger->setEnabled(!m_workflowId.isEmpty());
    m_runs->setEnabled(!m_workflowId.isEmpty());
    m_revert->setEnabled(isModified());
}

} // namespace wf::console
