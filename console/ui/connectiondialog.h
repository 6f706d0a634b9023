#pragma once

#include "client/endpointlist.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace wf::console {

// Which platform to open and with which operator key: a remembered endpoint or a new one (name,
// base URL), the key (hidden while typed), and whether to keep it in the keychain. Says plainly
// when there is no keychain (the key then lasts for this session), and offers the local stack's
// key file that deploy/up wrote.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(QWidget *parent = nullptr);

    void setEndpoint(const Endpoint &endpoint);
    void setToken(const QByteArray &token);
    void setKeychainAvailable(bool available, const QString &why = {});
    void setMessage(const QString &message);

    Endpoint endpoint() const;
    QByteArray token() const;
    bool storeInKeychain() const;

    void accept() override;

private:
    void useLocalStackKey();

    QComboBox *m_known = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_token = nullptr;
    QCheckBox *m_store = nullptr;
    QLabel *m_keychainNote = nullptr;
    QLabel *m_message = nullptr;
    QList<Endpoint> m_endpoints;
};

} // namespace wf::console
