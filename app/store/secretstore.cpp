#include "store/secretstore.h"

#include "store/secretjob.h"
#include "store/storelog.h"

#include <QMetaObject>
#include <QPointer>
#include <QTimer>

Q_LOGGING_CATEGORY(lcStore, "agentfolio.store")

namespace agentfolio {

SecretStoreError SecretStoreError::make(Kind kind, Operation operation, const QString &key,
                                        const QString &detail)
{
    QString what;
    switch (operation) {
    case Operation::Write:
        what = tr("Could not save “%1” in the system keychain").arg(key);
        break;
    case Operation::Read:
        what = tr("Could not read “%1” from the system keychain").arg(key);
        break;
    case Operation::Remove:
        what = tr("Could not delete “%1” from the system keychain").arg(key);
        break;
    }
    QString why;
    switch (kind) {
    case Kind::NoKeychain:
        why = tr("no keychain service is available on this system (for example GNOME Keyring "
                 "or KWallet)");
        break;
    case Kind::AccessDenied:
        why = tr("access was denied, or the keychain is locked");
        break;
    case Kind::NoKeyring:
        why = tr("the keychain has no keyring to keep it in, and creating one was cancelled or "
                 "could not be asked for. Set up a default keyring (for example in Passwords "
                 "and Keys), then try again");
        break;
    case Kind::NotFound:
        why = tr("there is no such entry");
        break;
    case Kind::TimedOut:
        why = tr("the keychain did not answer in time");
        break;
    case Kind::Other:
        why = tr("an unexpected error occurred");
        break;
    }
    QString message = tr("%1: %2.").arg(what, why);
    if (!detail.isEmpty())
        message += QLatin1Char(' ') + tr("(Details: %1)").arg(detail);
    return SecretStoreError { kind, message };
}

QString SecretStoreError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::NoKeychain:
        return QStringLiteral("NoKeychain");
    case Kind::AccessDenied:
        return QStringLiteral("AccessDenied");
    case Kind::NoKeyring:
        return QStringLiteral("NoKeyring");
    case Kind::NotFound:
        return QStringLiteral("NotFound");
    case Kind::TimedOut:
        return QStringLiteral("TimedOut");
    case Kind::Other:
        return QStringLiteral("Other");
    }
    return QStringLiteral("Other");
}

namespace {

QString operationName(SecretStoreError::Operation operation)
{
    switch (operation) {
    case SecretStoreError::Operation::Write:
        return QStringLiteral("write");
    case SecretStoreError::Operation::Read:
        return QStringLiteral("read");
    case SecretStoreError::Operation::Remove:
        return QStringLiteral("remove");
    }
    return QString();
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{ }

// Jobs are children of the store: those still running when it goes are destroyed
// without answering, and their callbacks never run.
SecretStore::~SecretStore() = default;

SecretJob *SecretStore::write(const QString &key, const Secret &value)
{
    return submit(SecretStoreError::Operation::Write, key, value);
}

SecretJob *SecretStore::read(const QString &key)
{
    return submit(SecretStoreError::Operation::Read, key, Secret());
}

SecretJob *SecretStore::remove(const QString &key)
{
    return submit(SecretStoreError::Operation::Remove, key, Secret());
}

void SecretStore::write(const QString &key, const Secret &value, QObject *context,
                        SecretCallback callback)
{
    connectCallback(write(key, value), context, std::move(callback));
}

void SecretStore::read(const QString &key, QObject *context, SecretCallback callback)
{
    connectCallback(read(key), context, std::move(callback));
}

void SecretStore::remove(const QString &key, QObject *context, SecretCallback callback)
{
    connectCallback(remove(key), context, std::move(callback));
}

void SecretStore::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void SecretStore::connectCallback(SecretJob *job, QObject *context, SecretCallback callback)
{
    Q_ASSERT(context);
    // Connecting with `context` as the receiver is what guarantees the callback never
    // runs after the context is destroyed.
    connect(job, &SecretJob::finished, context,
            [callback = std::move(callback)](SecretJob *finished) {
                if (callback)
                    callback(finished->result());
            });
}

SecretJob *SecretStore::submit(SecretStoreError::Operation operation, const QString &key,
                               const Secret &value)
{
    auto *job = new SecretJob(operation, key, value, this);
    qCDebug(lcStore) << "secret" << operationName(operation) << "requested for key" << key;

    // Our own deadline: keychain backends can hang (a prompt nobody answers, a daemon
    // that stopped responding), and the caller must get an answer regardless.
    job->m_timer = new QTimer(job);
    job->m_timer->setSingleShot(true);
    job->m_timer->setInterval(m_timeout);
    connect(job->m_timer, &QTimer::timeout, this, [this, job] { timeOut(job); });
    job->m_timer->start();

    if (key.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this, job = QPointer<SecretJob>(job)] {
                if (job)
                    fail(job, SecretStoreError::Kind::Other, tr("The key is empty."));
            },
            Qt::QueuedConnection);
        return job;
    }
    // Started from the event loop, so that the caller has connected to finished()
    // before anything can happen, and an immediate answer is still asynchronous.
    QMetaObject::invokeMethod(
        this,
        [this, job = QPointer<SecretJob>(job)] {
            if (job && !job->isFinished())
                start(job);
        },
        Qt::QueuedConnection);
    return job;
}

void SecretStore::timeOut(SecretJob *job)
{
    if (job->isFinished())
        return;
    qCWarning(lcStore) << "secret" << operationName(job->operation()) << "of key" << job->key()
                       << "timed out after" << m_timeout.count() << "ms";
    abandon(job);
    job->finish(SecretResult {
        SecretStoreError::make(SecretStoreError::Kind::TimedOut, job->operation(), job->key()),
        Secret() });
}

void SecretStore::succeed(SecretJob *job, const Secret &value)
{
    if (!job || job->isFinished())
        return;
    qCDebug(lcStore) << "secret" << operationName(job->operation()) << "of key" << job->key()
                     << "succeeded";
    SecretResult result;
    if (job->operation() == SecretStoreError::Operation::Read)
        result.secret = value;
    job->finish(std::move(result));
}

void SecretStore::fail(SecretJob *job, SecretStoreError::Kind kind, const QString &detail)
{
    if (!job || job->isFinished())
        return;
    const auto error = SecretStoreError::make(kind, job->operation(), job->key(), detail);
    // A missing entry on read is an expected answer, not a problem worth a warning.
    if (kind == SecretStoreError::Kind::NotFound)
        qCDebug(lcStore) << "secret" << operationName(job->operation()) << "of key" << job->key()
                         << "failed:" << SecretStoreError::kindName(kind);
    else
        qCWarning(lcStore) << "secret" << operationName(job->operation()) << "of key" << job->key()
                           << "failed:" << SecretStoreError::kindName(kind) << detail;
    job->finish(SecretResult { error, Secret() });
}

} // namespace agentfolio
