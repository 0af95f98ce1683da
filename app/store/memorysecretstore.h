#pragma once

#include "store/secretstore.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QStringList>

namespace agentfolio {

// Secrets in process memory only. For tests of code that uses a SecretStore, and for the
// sandbox profile, whose keys are not worth a keychain entry. Answers asynchronously,
// like a real keychain; can be told to fail or to hang, to exercise callers' error paths.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr);

    // Every call fails with `kind` until cleared with std::nullopt.
    void setFailure(std::optional<SecretStoreError::Kind> kind);
    // Calls on this one key fail with `kind` until cleared (checked before setFailure's).
    void setKeyFailure(const QString &key, std::optional<SecretStoreError::Kind> kind);
    // Calls never answer on their own: only the store's timeout (or answerHanging()) ends
    // them. Turning it off does not answer calls already hanging.
    void setNeverAnswer(bool neverAnswer);
    // Answers the hanging calls on `key` now, as configured at this moment (failures apply).
    void answerHanging(const QString &key);

    // Inspection, for tests.
    bool contains(const QString &key) const { return m_values.contains(key); }
    std::optional<Secret> value(const QString &key) const;
    QStringList keys() const { return m_values.keys(); }
    // Calls started and not answered (while never-answer is on).
    int hangingCount() const;
    // How many calls reached the store (after their queued start).
    int startedCount() const { return m_startedCount; }

protected:
    void start(SecretJob *job) override;
    void abandon(SecretJob *job) override;

private:
    void answer(SecretJob *job);

    QHash<QString, Secret> m_values;
    std::optional<SecretStoreError::Kind> m_failure;
    QHash<QString, SecretStoreError::Kind> m_keyFailures;
    bool m_neverAnswer = false;
    QList<QPointer<SecretJob>> m_hanging;
    int m_startedCount = 0;
};

} // namespace agentfolio
