#pragma once

#include "domain/secret.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <chrono>
#include <functional>
#include <optional>

namespace agentfolio {

class SecretJob;

// Why a secret-store call failed. The message is a complete, translated sentence that
// names the key and the reason; it never contains the value.
struct SecretStoreError
{
    Q_DECLARE_TR_FUNCTIONS(SecretStoreError)
public:
    enum class Kind {
        NoKeychain, // no keychain service on this system (or it cannot be reached)
        AccessDenied, // the user refused, or the keychain is locked
        // The keychain has no keyring to keep it in: creating its default one was cancelled,
        // or could not be asked for (no prompt could be shown).
        NoKeyring,
        NotFound, // read: there is no entry for the key
        TimedOut, // the keychain did not answer within our timeout
        Other,
    };
    enum class Operation { Write, Read, Remove };

    Kind kind = Kind::Other;
    QString message;

    // Builds the sentence for `kind` on `operation` of `key`. `detail` is the backend's
    // own words (never a value), appended for the technical reader.
    static SecretStoreError make(Kind kind, Operation operation, const QString &key,
                                 const QString &detail = QString());
    // "NoKeychain": short and stable, for logs and tests.
    static QString kindName(Kind kind);
};

// What a finished call yields: an error, or (for a read) the value.
struct SecretResult
{
    std::optional<SecretStoreError> error;
    Secret secret; // reads only; empty otherwise

    bool ok() const { return !error.has_value(); }
};

using SecretCallback = std::function<void(const SecretResult &)>;

// An asynchronous key/value store for secrets. Every call answers exactly once, always
// later (never from inside the call), and within timeout(): a backend that hangs
// yields Kind::TimedOut. Removing an absent key succeeds.
//
// Two ways to use it:
//  - connect to the returned job's finished() signal (the job deletes itself after it);
//  - pass a context object and a callback, which is never called once `context` is gone.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds DefaultTimeout { 10'000 };

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    SecretJob *write(const QString &key, const Secret &value);
    SecretJob *read(const QString &key);
    SecretJob *remove(const QString &key);

    void write(const QString &key, const Secret &value, QObject *context, SecretCallback callback);
    void read(const QString &key, QObject *context, SecretCallback callback);
    void remove(const QString &key, QObject *context, SecretCallback callback);

    // Applies to calls made after the change; each call is timed from the moment it is made.
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout);

protected:
    // Called once per job, from the event loop, never from inside write()/read()/remove().
    // The implementation answers later with succeed() or fail().
    virtual void start(SecretJob *job) = 0;
    // The job timed out: the implementation forgets it (it is about to finish with
    // TimedOut) and makes sure a late backend answer cannot touch it.
    virtual void abandon(SecretJob *job) = 0;

    // Both are ignored for a job that has already finished (a late answer after a timeout).
    void succeed(SecretJob *job, const Secret &value = Secret());
    void fail(SecretJob *job, SecretStoreError::Kind kind, const QString &detail = QString());

private:
    SecretJob *submit(SecretStoreError::Operation operation, const QString &key,
                      const Secret &value);
    void connectCallback(SecretJob *job, QObject *context, SecretCallback callback);
    void timeOut(SecretJob *job);

    std::chrono::milliseconds m_timeout = DefaultTimeout;
};

} // namespace agentfolio
