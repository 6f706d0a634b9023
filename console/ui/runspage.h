#pragma once

#include "model/bulkrunaction.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace wf::console {

class ApiClient;
class RunDetailDialog;
class RunListModel;

// The run browser: every run, newest first, filtered by status and workflow, fetched a page at a
// time as the table is scrolled (so 100,000 runs cost only the pages looked at), the newest
// refreshed every 2 s while the page is shown. Opens a run's detail; cancels or retries the
// selected runs after a confirmation naming how many, and says how many worked.
class RunsPage : public QWidget
{
    Q_OBJECT

public:
    explicit RunsPage(ApiClient &client, QWidget *parent = nullptr);
    ~RunsPage() override;

    RunListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *statusFilter() const { return m_status; }
    QLineEdit *workflowFilter() const { return m_workflow; }
    QStringList selectedRunIds() const;
    // The open detail window of a run, if there is one.
    RunDetailDialog *detailDialog(const QString &runId) const;
    // What the last bulk action did ("Cancelled 38 of 40 runs; 2 had ended already.").
    QString report() const;
    // Why the list could not be loaded; empty when it could.
    QString problem() const;
    bool isBusy() const { return m_bulk != nullptr; }

    static constexpr int refreshIntervalMs = 2000;

public Q_SLOTS:
    void activate();
    void deactivate();
    void showRuns(const QString &workflowId);
    void openRun(const QString &runId);
    void cancelSelected();
    void retrySelected();
    void refresh();
    // A run that was just triggered: the list looks for it more often until it shows.
    void expectRun(const QString &runId);

Q_SIGNALS:
    void statusMessage(const QString &message);
    void bulkFinished(int succeeded, int conflicts, int failed);

private:
    void applyFilters();
    void tick();
    void bulk(BulkRunAction::Kind kind);
    void bulkDone();
    void showReport(const QString &text, bool problem);
    void updateSummary();
    void updateActions();

    ApiClient &m_client;
    RunListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_workflow = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_problem = nullptr; // the list could not be loaded
    QLabel *m_report = nullptr;  // what the last bulk action did
    QTimer *m_timer = nullptr;
    QAction *m_open = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_refresh = nullptr;
    QPointer<BulkRunAction> m_bulk;
    QHash<QString, QPointer<RunDetailDialog>> m_dialogs;
    QSet<QString> m_expected;
    QDeadlineTimer m_expectUntil;
    bool m_active = false;
    bool m_loaded = false;
};

} // namespace wf::console
