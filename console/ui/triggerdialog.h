#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace wf::console {

class ApiClient;
class JsonEditor;
struct ApiResponse;

// Starts one run of a workflow: its payload in a JSON editor (empty means {}), an optional
// Idempotency-Key (the same key again answers the same run instead of starting another), and
// POST /api/v1/trigger. Stays open with the platform's reason when it is refused (an unknown
// workflow, a key used for another payload); closes with triggered() when the run exists.
class TriggerDialog : public QDialog
{
    Q_OBJECT

public:
    TriggerDialog(ApiClient &client, const QString &workflowId, const QString &workflowName, QWidget *parent = nullptr);

    QString workflowId() const { return m_workflowId; }
    JsonEditor *payloadEditor() const { return m_payload; }
    QLineEdit *idempotencyKeyEdit() const { return m_key; }
    QString errorText() const;
    QString runId() const { return m_runId; }

public Q_SLOTS:
    // Checks the payload here first (nothing is sent while it is not a JSON object), then sends.
    void trigger();

Q_SIGNALS:
    void triggered(const QString &runId, const QString &workflowId);

private:
    void showError(const QString &message);
    void answered(const ApiResponse &response);

    ApiClient &m_client;
    QString m_workflowId;
    QString m_runId;
    JsonEditor *m_payload = nullptr;
    QLabel *m_syntax = nullptr;
    QLineEdit *m_key = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_send = nullptr;
    bool m_pending = false;
};

} // namespace wf::console
