#include "triggerdialog.h"

#include "jsoneditor.h"
#include "pagewidgets.h"

#include "client/apiclient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wf::console {

namespace {

constexpr int kMaxKeyLength = 255; // the API's limit for Idempotency-Key

} // namespace

TriggerDialog::TriggerDialog(ApiClient &client, const QString &workflowId, const QString &workflowName, QWidget *parent)
    : QDialog(parent), m_client(client), m_workflowId(workflowId)
{
    setWindowTitle(tr("Trigger a run"));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("Start a run of <b>%1</b> (%2).").arg(workflowName.toHtmlEscaped(), workflowId), this);
    heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(heading);

    auto *payloadLabel = new QLabel(tr("&Payload (a JSON object; empty means {}):"), this);
    layout->addWidget(payloadLabel);
    m_payload = new JsonEditor(this);
    m_payload->setRequireObject(true);
    m_payload->setEmptyValue(QJsonObject());
    m_payload->setPlaceholderText(u"{\"user_id\": 7}"_s);
    m_payload->setPlainText(u"{}"_s);
    payloadLabel->setBuddy(m_payload);
    layout->addWidget(m_payload, 1);
    m_syntax = problemLabel(this);
    layout->addWidget(m_syntax);
    connect(m_payload, &JsonEditor::validityChanged, this, [this](bool valid, const QString &problem) {
        setProblem(m_syntax, problem);
        m_send->setEnabled(valid && !m_pending);
    });

    auto *form = new QFormLayout();
    layout->addLayout(form);
    m_key = new QLineEdit(this);
    m_key->setMaxLength(kMaxKeyLength);
    m_key->setClearButtonEnabled(true);
    m_key->setPlaceholderText(tr("optional: sending the same key again answers the same run"));
    auto *generate = new QPushButton(tr("&New key"), this);
    generate->setToolTip(tr("Fill in a random key, to repeat this trigger safely"));
    connect(generate, &QPushButton::clicked, this,
            [this] { m_key->setText(QUuid::createUuid().toString(QUuid::WithoutBraces)); });
    auto *keyRow = new QHBoxLayout();
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(generate);
    auto *keyLabel = new QLabel(tr("&Idempotency key:"), this);
    keyLabel->setBuddy(m_key);
    form->addRow(keyLabel, keyRow);
    // What was refused is out of date once either changes.
    connect(m_payload, &QPlainTextEdit::textChanged, this, [this] { showError({}); });
    connect(m_key, &QLineEdit::textEdited, this, [this] { showError({}); });

    m_error = problemLabel(this);
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_send = buttons->addButton(tr("&Trigger"), QDialogButtonBox::AcceptRole);
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send the trigger (Ctrl+Return)"));
    m_send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(buttons, &QDialogButtonBox::accepted, this, &TriggerDialog::trigger);
    connect(buttons, &QDialogButtonBox::rejected, this, &TriggerDialog::reject);
    layout->addWidget(buttons);
    resize(560, 420);
    m_payload->setFocus();
}

QString TriggerDialog::errorText() const
{
    return m_error->text();
}

void TriggerDialog::showError(const QString &message)
{
    setProblem(m_error, message);
}

void TriggerDialog::trigger()
{
    if (m_pending)
        return;
    if (!m_payload->isValid()) {
        showError(tr("The payload is not valid: %1").arg(m_payload->problem()));
        m_payload->setFocus();
        return;
    }
    showError({});
    m_pending = true;
    m_send->setEnabled(false);
    const QJsonObject body{{u"workflow_id"_s, m_workflowId}, {u"payload"_s, m_payload->json().toObject()}};
    const QByteArray key = m_key->text().trimmed().toUtf8();
    ApiClient::Headers headers;
    if (!key.isEmpty())
        headers.append({QByteArrayLiteral("Idempotency-Key"), key});
    m_client.post(u"/api/v1/trigger"_s, QJsonDocument(body), headers, this,
                  [this](const ApiResponse &response) { answered(response); });
}

void TriggerDialog::answered(const ApiResponse &response)
{
    m_pending = false;
    m_send->setEnabled(m_payload->isValid());
    const QString runId = response.object().value(u"run_id"_s).toString();
    if (!response.ok() || runId.isEmpty()) {
        showError(response.ok() ? tr("The platform accepted the trigger but named no run.")
                                : tr("The run was not started: %1").arg(response.message()));
        return;
    }
    m_runId = runId;
    Q_EMIT triggered(runId, m_workflowId);
    accept();
}

} // namespace wf::console
