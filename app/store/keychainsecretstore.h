#pragma once

#include "store/secretstore.h"

#include <QPointer>
#include <QQueue>

namespace QKeychain {
class Job;
}

namespace agentfolio {

// The system keychain through QtKeychain: the Secret Service (GNOME Keyring, KWallet's
// Secret Service) on Linux, the Keychain on macOS, the Credential Manager on Windows.
//
// Entries are stored under the service name "agentfolio" with our key as the entry's
// key (the Secret Service's `user` attribute); QtKeychain labels them with the service
// name. The insecure plain-text fallback is never enabled.
//
// QtKeychain runs its jobs one at a time, and a job can hang; a hung job would hold up
// every later one. So this store hands QtKeychain one job at a time itself, and when
// a job times out it declares the stuck QtKeychain job finished, which frees
// QtKeychain's queue, and parks it undeleted until its late answer arrives, because
// the backend still holds a raw pointer to it.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    static QString serviceName();

    explicit KeychainSecretStore(QObject *parent = nullptr);
    ~KeychainSecretStore() override;

protected:
    void start(SecretJob *job) override;
    void abandon(SecretJob *job) override;

private:
    void startNext();
    void backendFinished(QKeychain::Job *backendJob);
    // True if `job` was put back to be made once more, on a new Secret Service connection.
    bool retryOnNewConnection(SecretJob *job);
    void classifyAndFinish(SecretJob *job, int backendError, const QString &detail);

    QQueue<QPointer<SecretJob>> m_queue;
    QPointer<SecretJob> m_current;
    QKeychain::Job *m_currentBackendJob = nullptr;
    // The job already made once more after libsecret's connection was dropped.
    QPointer<SecretJob> m_retriedOnNewConnection;
};

} // namespace agentfolio
