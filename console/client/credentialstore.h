#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace wf::console {

// Operator keys kept in the desktop's keychain (QtKeychain: the Secret Service, KWallet, …),
// one per endpoint. Where there is none (headless, no secret service running) every call says
// so through its callback instead of failing silently; the console then uses the other sources
// (TokenSources) or asks for the session.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        bool ok = false;
        bool keychainAvailable = true; // false: no keychain on this desktop
        QByteArray token;              // read: the key ("" when none is stored)
        QString error;                 // what went wrong, in words
    };
    using Callback = std::function<void(const Outcome &)>;

    explicit CredentialStore(QString service = QStringLiteral("wf-console"), QObject *parent = nullptr);

    void read(const QString &endpoint, Callback done);
    void write(const QString &endpoint, const QByteArray &token, Callback done);
    void forget(const QString &endpoint, Callback done);

private:
    QString m_service;
};

} // namespace wf::console
