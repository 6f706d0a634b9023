#pragma once

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QAction;
class QLabel;
class QTableView;

namespace wf::console {

class ApiClient;
class JsonEditor;
class WorkflowListModel;
struct ApiResponse;

// The workflows and their versions (the list fetches pages as it is scrolled), one definition
// at a time in a JSON editor, and what to do with it: save it as a new workflow (POST) or a new
// version (PUT), after a local syntax check, with the platform's reason for refusing it right
// under the editor and the cursor on the step it names; trigger a run of it with a payload.
class WorkflowsPage : public QWidget
{
    Q_OBJECT

public:
    explicit WorkflowsPage(ApiClient &client, QWidget *parent = nullptr);
    ~WorkflowsPage() override;

    WorkflowListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    JsonEditor *editor() const { return m_editor; }
    // The workflow in the editor; empty for a new one not saved yet.
    QString currentWorkflowId() const { return m_workflowId; }
    // What the label under the editor says (a refused save, a syntax error); empty when all is well.
    QString problemText() const;
    bool isSaving() const { return m_saving; }
    bool isModified() const;

public Q_SLOTS:
    void activate();
    void deactivate();
    // A new definition from a small example.
    void newWorkflow();
    // Shows the workflow with this id in the editor (asking first if edits would be lost).
    void edit(const QString &workflowId);
    void save();
    // Opens the trigger dialog for the workflow in the editor.
    void triggerRun();
    void refresh();

Q_SIGNALS:
    void statusMessage(const QString &message);
    void runTriggered(const QString &runId, const QString &workflowId);
    // "Show its runs": for the run browser, filtered to this workflow.
    void runsRequested(const QString &workflowId);

private:
    void showWorkflow(const QJsonObject &workflow);
    void saved(const ApiResponse &response, const QString &sentText, bool created);
    void showProblem();
    void start(const QJsonObject &definition);
    void selectCurrent();
    void updateTitle();
    void updateActions();

    ApiClient &m_client;
    WorkflowListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    JsonEditor *m_editor = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_listProblem = nullptr;
    QAction *m_new = nullptr;
    QAction *m_save = nullptr;
    QAction *m_trigger = nullptr;
    QAction *m_runs = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_refresh = nullptr;
    QString m_workflowId;
    QString m_workflowName;
    int m_version = 0;
    QString m_savedText;
    QString m_refusal; // the platform's reason for refusing the last save
    QHash<QString, QString> m_lastPayload; // per workflow, for the next trigger
    bool m_saving = false;
    bool m_loaded = false;
    bool m_selecting = false; // the list follows the editor, not the other way round
};

} // namespace wf::console
