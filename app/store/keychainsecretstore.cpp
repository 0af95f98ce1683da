#include "store/keychainsecretstore.h"

#include "store/secretjob.h"
#include "store/storelog.h"

#include <qt6keychain/keychain.h>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
#include <dlfcn.h>
#endif

#ifdef AGENTFOLIO_HAVE_QTDBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

namespace agentfolio {

namespace {

using Kind = SecretStoreError::Kind;

#ifdef AGENTFOLIO_HAVE_QTDBUS
const QString SecretServiceName = QStringLiteral("org.freedesktop.secrets");
#endif

// libsecret, which QtKeychain loads at run time for the Secret Service, keeps one connection
// to the keyring daemon for the whole process, with a session opened on it. When the daemon
// restarts (it crashed, or the desktop started it again), that session is gone, every later
// call fails with "The session ... does not exist", and QtKeychain has no way to start over.
// Dropping libsecret's connection makes its next call connect afresh, so that a retry can
// succeed. Only a libsecret already loaded is touched; without one this does nothing.
// True if the connection was dropped.
bool forgetSecretServiceConnection()
{
    bool dropped = false;
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    void *libsecret = ::dlopen("libsecret-1.so.0", RTLD_NOW | RTLD_NOLOAD);
    if (!libsecret)
        return false;
    using Disconnect = void (*)();
    if (auto disconnect =
            reinterpret_cast<Disconnect>(::dlsym(libsecret, "secret_service_disconnect"))) {
        qCInfo(lcStore) << "keychain: libsecret connects afresh after an unexpected error";
        disconnect();
        dropped = true;
    }
    ::dlclose(libsecret);
#endif
    return dropped;
}

Kind kindOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return Kind::Other; // not called for success
    case QKeychain::EntryNotFound:
        return Kind::NotFound;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Kind::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Kind::NoKeychain;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        return Kind::Other;
    }
    return Kind::Other;
}

} // namespace

QString KeychainSecretStore::serviceName()
{
    return QStringLiteral("agentfolio");
}

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : SecretStore(parent)
{ }

KeychainSecretStore::~KeychainSecretStore()
{
    // A running QtKeychain job cannot be deleted safely (the backend may still call into
    // it), so it is only cut loose: it deletes itself when (if) it finishes.
    if (m_currentBackendJob) {
        disconnect(m_currentBackendJob, nullptr, this, nullptr);
        m_currentBackendJob->setAutoDelete(true);
    }
}

void KeychainSecretStore::start(SecretJob *job)
{
    m_queue.enqueue(job);
    startNext();
}

void KeychainSecretStore::abandon(SecretJob *job)
{
    if (job != m_current) {
        // Still waiting in our queue: it will simply never be started.
        m_queue.removeAll(job);
        return;
    }
    QKeychain::Job *stuck = m_currentBackendJob;
    m_current = nullptr;
    m_currentBackendJob = nullptr;
    if (stuck) {
        qCWarning(lcStore) << "parking the stuck keychain job for key" << stuck->key()
                           << "so that later jobs can run";
        disconnect(stuck, nullptr, this, nullptr);
        // Declaring it finished is what makes QtKeychain's executor start its next job.
        // Deleting it would do that too, but the backend (libsecret, for one) keeps a raw
        // pointer to the job and would call into freed memory if it ever answered.
        stuck->setAutoDelete(false);
        stuck->emitFinishedWithError(QKeychain::OtherError, QStringLiteral("timed out"));
        // Its real answer, if it ever comes, frees it.
        connect(stuck, &QKeychain::Job::finished, stuck, [](QKeychain::Job *late) {
            qCDebug(lcStore) << "late answer for the parked keychain job for key" << late->key();
            late->deleteLater();
        });
    }
    // After the current call stack unwinds: abandon() runs inside the timeout handler.
    QMetaObject::invokeMethod(this, &KeychainSecretStore::startNext, Qt::QueuedConnection);
}

void KeychainSecretStore::startNext()
{
    if (m_current)
        return;
    while (!m_queue.isEmpty() && !m_current) {
        QPointer<SecretJob> next = m_queue.dequeue();
        if (next && !next->isFinished())
            m_current = next;
    }
    if (!m_current)
        return;

    QKeychain::Job *backendJob = nullptr;
    switch (m_current->operation()) {
    case SecretStoreError::Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(serviceName());
        // reveal(): the keychain is one of the few places a secret's characters may go.
        write->setTextData(m_current->valueToWrite().reveal());
        backendJob = write;
        break;
    }
    case SecretStoreError::Operation::Read:
        backendJob = new QKeychain::ReadPasswordJob(serviceName());
        break;
    case SecretStoreError::Operation::Remove:
        backendJob = new QKeychain::DeletePasswordJob(serviceName());
        break;
    }
    backendJob->setKey(m_current->key());
    // Never: a secret must not end up in a plain file.
    backendJob->setInsecureFallback(false);
    backendJob->setAutoDelete(true);
    m_currentBackendJob = backendJob;
    connect(backendJob, &QKeychain::Job::finished, this, &KeychainSecretStore::backendFinished);
    qCDebug(lcStore) << "keychain job started for key" << m_current->key();
    backendJob->start();
}

void KeychainSecretStore::backendFinished(QKeychain::Job *backendJob)
{
    if (backendJob != m_currentBackendJob)
        return;
    QPointer<SecretJob> job = m_current;
    m_current = nullptr;
    m_currentBackendJob = nullptr;

    const QKeychain::Error error = backendJob->error();
    if (job) {
        if (error == QKeychain::NoError) {
            if (job->operation() == SecretStoreError::Operation::Read) {
                auto *read = static_cast<QKeychain::ReadPasswordJob *>(backendJob);
                succeed(job, Secret(read->textData()));
            } else {
                succeed(job);
            }
        } else if (job->operation() == SecretStoreError::Operation::Remove
                   && error == QKeychain::EntryNotFound) {
            // Deleting what is not there leaves the keychain as the caller wants it.
            succeed(job);
        } else {
            classifyAndFinish(job, int(error), backendJob->errorString());
        }
    }
    // QtKeychain deletes the backend job itself (autoDelete) after this signal.
    QMetaObject::invokeMethod(this, &KeychainSecretStore::startNext, Qt::QueuedConnection);
}

bool KeychainSecretStore::retryOnNewConnection(SecretJob *job)
{
    // A Secret Service is there, and libsecret's connection to it was dropped: the call is
    // made once more on a new one (after a keyring restart the old session is gone). Only
    // once, and only with half the store's time left, so that the answer still comes in
    // time and says why the first try failed. Writing the same value under the same key,
    // reading or removing, twice, leaves the keychain as once.
    if (!job || job->isFinished() || job == m_retriedOnNewConnection
        || job->timeLeft() < timeout() / 2)
        return false;
    qCInfo(lcStore) << "keychain: trying the call for key" << job->key()
                    << "again on a new connection";
    m_retriedOnNewConnection = job;
    m_queue.prepend(job);
    startNext();
    return true;
}

void KeychainSecretStore::classifyAndFinish(SecretJob *job, int backendError, const QString &detail)
{
    const auto error = QKeychain::Error(backendError);
    const Kind kind = kindOf(error);
    [[maybe_unused]] bool connectionDropped = false; // read by the D-Bus check below
    // With no keyring yet, the Secret Service asks the user to create its default one; if
    // that is cancelled (or no prompt can be shown), the call fails as an unknown object:
    // the default collection's path. Said as such, not as something unexpected.
    if (kind == Kind::Other) {
        if (detail.contains(QLatin1String("/org/freedesktop/secrets/collection/"))) {
            fail(job, Kind::NoKeyring, detail);
            return;
        }
        connectionDropped = forgetSecretServiceConnection();
    }
#ifdef AGENTFOLIO_HAVE_QTDBUS
    // With the Secret Service backend, QtKeychain reports "nobody provides
    // org.freedesktop.secrets" and "no session bus" as OtherError. Ask the bus whether
    // a Secret Service is there at all, so the user learns that no keychain is available
    // rather than that something unexpected happened.
    if (kind == Kind::Other) {
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (!bus.isConnected()) {
            fail(job, Kind::NoKeychain, detail);
            return;
        }
        QDBusMessage call = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameHasOwner"));
        call << SecretServiceName;
        // The bus daemon itself answers this; a short timeout keeps a wedged bus from
        // delaying the answer (the job's own timeout still applies regardless).
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 2000), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this,
                [this, job = QPointer<SecretJob>(job), detail,
                 connectionDropped](QDBusPendingCallWatcher *w) {
                    w->deleteLater();
                    const QDBusPendingReply<bool> reply = *w;
                    const bool hasService = !reply.isError() && reply.value();
                    if (hasService && connectionDropped && retryOnNewConnection(job))
                        return;
                    fail(job, hasService ? Kind::Other : Kind::NoKeychain, detail);
                });
        return;
    }
#endif
    fail(job, kind, detail);
}

} // namespace agentfolio
