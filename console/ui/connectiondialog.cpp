#include "connectiondialog.h"

#include "client/tokensources.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wf::console {

ConnectionDialog::ConnectionDialog(QWidget *parent) : QDialog(parent), m_endpoints(EndpointList::load())
{
    setWindowTitle(tr("Connect to a platform"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout();
    layout->addLayout(form);
    m_known = new QComboBox(this);
    m_known->addItem(tr("New endpoint"));
    for (const Endpoint &endpoint : std::as_const(m_endpoints))
        m_known->addItem(u"%1 — %2"_s.arg(endpoint.name, endpoint.url.toString()));
    form->addRow(tr("&Known endpoints:"), m_known);
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("local"));
    form->addRow(tr("&Name:"), m_name);
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(u"http://127.0.0.1:8000"_s);
    form->addRow(tr("API &URL:"), m_url);
    m_token = new QLineEdit(this);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("wf_… operator key"));
    auto *localKey = new QPushButton(tr("Use the &local stack's key"), this);
    localKey->setToolTip(tr("Reads the key file that deploy/up wrote (deploy/status --json names it)."));
    connect(localKey, &QPushButton::clicked, this, &ConnectionDialog::useLocalStackKey);
    auto *keyRow = new QHBoxLayout();
    keyRow->addWidget(m_token, 1);
    keyRow->addWidget(localKey);
    form->addRow(tr("Operator &key:"), keyRow);
    m_store = new QCheckBox(tr("&Keep the key in the keychain"), this);
    m_store->setChecked(true);
    form->addRow(QString(), m_store);
    m_keychainNote = new QLabel(this);
    m_keychainNote->setWordWrap(true);
    m_keychainNote->hide();
    layout->addWidget(m_keychainNote);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(u"QLabel { color: #c62828; }"_s);
    m_message->hide();
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    layout->addWidget(buttons);
    connect(m_known, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index > 0 && index <= m_endpoints.size())
            setEndpoint(m_endpoints.at(index - 1));
    });
    resize(560, sizeHint().height());
}

void ConnectionDialog::setEndpoint(const Endpoint &endpoint)
{
    m_name->setText(endpoint.name);
    m_url->setText(endpoint.url.toString());
}

void ConnectionDialog::setToken(const QByteArray &token)
{
    m_token->setText(QString::fromUtf8(token));
}

void ConnectionDialog::setKeychainAvailable(bool available, const QString &why)
{
    m_store->setEnabled(available);
    m_store->setChecked(available);
    m_keychainNote->setVisible(!available);
    m_keychainNote->setText(tr("No keychain is available here (%1). The key is kept for this session only; "
                               "WF_CONSOLE_TOKEN or the local stack's key file also work.")
                                    .arg(why));
}

void ConnectionDialog::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

Endpoint ConnectionDialog::endpoint() const
{
    QString name = m_name->text().trimmed();
    const QUrl url = EndpointList::parseUrl(m_url->text(), nullptr);
    if (name.isEmpty())
        name = url.authority();
    return {name, url};
}

QByteArray ConnectionDialog::token() const
{
    return m_token->text().trimmed().toUtf8();
}

bool ConnectionDialog::storeInKeychain() const
{
    return m_store->isEnabled() && m_store->isChecked();
}

void ConnectionDialog::accept()
{
    QString error;
    if (EndpointList::parseUrl(m_url->text(), &error).isEmpty()) {
        setMessage(error);
        m_url->setFocus();
        return;
    }
    if (token().isEmpty()) {
        setMessage(tr("Enter an operator key: the console's views need the admin API. `wf-server keys create "
                      "--role operator` makes one; the local stack keeps one in its key file."));
        m_token->setFocus();
        return;
    }
    QDialog::accept();
}

void ConnectionDialog::useLocalStackKey()
{
    const QString file = TokenSources::localStackKeyFile();
    const QByteArray token = TokenSources::fromFile(file);
    if (token.isEmpty()) {
        setMessage(file.isEmpty() ? tr("No local stack found: start one with deploy/up, or run the console from the "
                                       "checkout (or set WF_STACK_STATE_DIR).")
                                  : tr("Cannot read %1.").arg(file));
        return;
    }
    setToken(token);
    if (m_url->text().isEmpty())
        m_url->setText(u"http://127.0.0.1:8000"_s);
    setMessage({});
}

} // namespace wf::console
