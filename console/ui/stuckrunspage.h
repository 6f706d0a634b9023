#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QSpinBox;
class QTableView;
class QTimer;

namespace wf::console {

class ApiClient;
class BulkRunAction;
class StuckRunModel;

// Runs that are not moving, each with the platform's reason (pending too long, a lease that
// expired because its worker stopped), refreshed every 5 s while shown; Requeue puts the
// selected ones back on the queue after a confirmation, for a worker to resume.
class StuckRunsPage : public QWidget
{
    Q_OBJECT

public:
    explicit StuckRunsPage(ApiClient &client, QWidget *parent = nullptr);
    ~StuckRunsPage() override;

    StuckRunModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QSpinBox *pendingSecondsBox() const { return m_pendingSeconds; }
    QStringList selectedRunIds() const;
    // "No stuck runs", "3 stuck runs", or why the list could not be loaded.
    QString summary() const;
    bool isFollowing() const;

    static constexpr int refreshIntervalMs = 5000;

public Q_SLOTS:
    void activate();
    void deactivate();
    void refresh();
    void requeueSelected();

Q_SIGNALS:
    void statusMessage(const QString &message);
    // A run to show in full (Return on a row); the run browser opens it.
    void runActivated(const QString &runId);
    void requeueFinished(int succeeded, int conflicts, int failed);

private:
    void refreshed();
    void requeued();
    void updateActions();

    ApiClient &m_client;
    StuckRunModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QSpinBox *m_pendingSeconds = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_report = nullptr;
    QTimer *m_timer = nullptr;
    QAction *m_requeue = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_open = nullptr;
    QPointer<BulkRunAction> m_bulk;
};

} // namespace wf::console
