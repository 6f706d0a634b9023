#pragma once

#include <QDialog>
#include <QJsonObject>

class QAction;
class QLabel;
class QTableView;
class QTimer;

namespace wf::console {

class ApiClient;
class JsonEditor;
class RunTimelineModel;
class StepResultModel;
struct ApiResponse;

// One run in full: its status, payload, error and the results its steps saved (with their
// outputs), and its timeline from GET /api/v1/runs/{id}/events (who accepted, published, claimed
// and finished it, each step's status, attempts and duration). Cancel and Retry are offered when
// the status allows them. Refreshes every second until the run has ended and its timeline shows
// the end; a window of its own, so several runs can be compared.
class RunDetailDialog : public QDialog
{
    Q_OBJECT

public:
    RunDetailDialog(ApiClient &client, const QString &runId, QWidget *parent = nullptr);
    ~RunDetailDialog() override;

    QString runId() const { return m_runId; }
    const QJsonObject &run() const { return m_run; }
    QString status() const { return m_run.value(QLatin1String("status")).toString(); }
    RunTimelineModel *timeline() const { return m_timeline; }
    StepResultModel *steps() const { return m_steps; }
    QTableView *timelineView() const { return m_timelineView; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *retryAction() const { return m_retry; }
    // Whether it still looks for news every second.
    bool isFollowing() const;
    QString problem() const;

    static constexpr int refreshIntervalMs = 1000;

public Q_SLOTS:
    void refresh();
    void cancelRun();
    void retryRun();

Q_SIGNALS:
    void statusMessage(const QString &message);
    // The run it retried (Retry of …) or the retry it just started.
    void runOpenRequested(const QString &runId);
    // Cancelled or retried from here: lists showing it are out of date.
    void runChanged(const QString &runId);
    // After every answer about the run.
    void refreshed();

private:
    void showRun(const QJsonObject &run);
    void timelineLoaded();
    void cancelled(const ApiResponse &response);
    void retried(const ApiResponse &response);
    void showProblem(const QString &problem);
    void updateActions();

    ApiClient &m_client;
    QString m_runId;
    QJsonObject m_run;
    RunTimelineModel *m_timeline = nullptr;
    StepResultModel *m_steps = nullptr;
    QTimer *m_timer = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_workflow = nullptr;
    QLabel *m_started = nullptr;
    QLabel *m_completed = nullptr;
    QLabel *m_retryOf = nullptr;
    QLabel *m_trace = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_problem = nullptr;
    QTableView *m_timelineView = nullptr;
    QTableView *m_stepView = nullptr;
    JsonEditor *m_output = nullptr;
    JsonEditor *m_payload = nullptr;
    QAction *m_cancel = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_refresh = nullptr;
    int m_roundsSinceEnd = 0;
    bool m_pending = false;
    bool m_acting = false;
};

} // namespace wf::console
