#include "store/memorysecretstore.h"

#include "store/secretjob.h"

#include <QMetaObject>

namespace agentfolio {

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{ }

void MemorySecretStore::setFailure(std::optional<SecretStoreError::Kind> kind)
{
    m_failure = kind;
}

void MemorySecretStore::setKeyFailure(const QString &key,
                                      std::optional<SecretStoreError::Kind> kind)
{
    if (kind)
        m_keyFailures.insert(key, *kind);
    else
        m_keyFailures.remove(key);
}

void MemorySecretStore::setNeverAnswer(bool neverAnswer)
{
    m_neverAnswer = neverAnswer;
}

void MemorySecretStore::answerHanging(const QString &key)
{
    const QList<QPointer<SecretJob>> hanging = m_hanging;
    for (const QPointer<SecretJob> &job : hanging) {
        if (job && !job->isFinished() && job->key() == key) {
            m_hanging.removeAll(job);
            answer(job);
        }
    }
}

std::optional<Secret> MemorySecretStore::value(const QString &key) const
{
    const auto it = m_values.constFind(key);
    if (it == m_values.constEnd())
        return std::nullopt;
    return *it;
}

int MemorySecretStore::hangingCount() const
{
    int count = 0;
    for (const auto &job : m_hanging)
        count += job && !job->isFinished() ? 1 : 0;
    return count;
}

void MemorySecretStore::start(SecretJob *job)
{
    ++m_startedCount;
    if (m_neverAnswer) {
        m_hanging.append(job);
        return;
    }
    answer(job);
}

void MemorySecretStore::abandon(SecretJob *job)
{
    m_hanging.removeAll(job);
}

void MemorySecretStore::answer(SecretJob *job)
{
    const auto keyFailure = m_keyFailures.constFind(job->key());
    if (keyFailure != m_keyFailures.constEnd()) {
        fail(job, *keyFailure);
        return;
    }
    if (m_failure) {
        fail(job, *m_failure);
        return;
    }
    switch (job->operation()) {
    case SecretStoreError::Operation::Write:
        m_values.insert(job->key(), job->valueToWrite());
        succeed(job);
        return;
    case SecretStoreError::Operation::Read: {
        const auto it = m_values.constFind(job->key());
        if (it == m_values.constEnd())
            fail(job, SecretStoreError::Kind::NotFound);
        else
            succeed(job, *it);
        return;
    }
    case SecretStoreError::Operation::Remove:
        // Removing an absent entry is a success, as it is for the keychain.
        m_values.remove(job->key());
        succeed(job);
        return;
    }
}

} // namespace agentfolio
