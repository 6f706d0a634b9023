#include "credentialstore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>

namespace wf::console {

namespace {

CredentialStore::Outcome outcomeOf(const QKeychain::Job &job)
{
    CredentialStore::Outcome outcome;
    switch (job.error()) {
    case QKeychain::NoError:
        outcome.ok = true;
        break;
    case QKeychain::EntryNotFound:
        outcome.ok = true; // nothing stored yet is not a failure
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        outcome.keychainAvailable = false;
        outcome.error = QCoreApplication::translate("CredentialStore", "No keychain is available on this desktop (%1).")
                                .arg(job.errorString());
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        outcome.error = QCoreApplication::translate("CredentialStore", "The keychain refused access: %1").arg(job.errorString());
        break;
    default:
        // Without a secret service on D-Bus, QtKeychain reports OtherError: a missing keychain.
        outcome.keychainAvailable = false;
        outcome.error = QCoreApplication::translate("CredentialStore", "The keychain cannot be used: %1").arg(job.errorString());
        break;
    }
    return outcome;
}

} // namespace

CredentialStore::CredentialStore(QString service, QObject *parent) : QObject(parent), m_service(std::move(service)) { }

void CredentialStore::read(const QString &endpoint, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(endpoint);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        Outcome outcome = outcomeOf(*finished);
        if (finished->error() == QKeychain::NoError)
            outcome.token = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
        done(outcome);
    });
    job->start();
}

void CredentialStore::write(const QString &endpoint, const QByteArray &token, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(endpoint);
    job->setBinaryData(token);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        done(outcomeOf(*finished));
    });
    job->start();
}

void CredentialStore::forget(const QString &endpoint, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(endpoint);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *finished) {
        done(outcomeOf(*finished));
    });
    job->start();
}

} // namespace wf::console
