#pragma once

#include "store/secretstore.h"

#include <QObject>

#include <chrono>

class QTimer;

namespace agentfolio {

// One call to a SecretStore. It finishes exactly once, then deletes itself (later).
// A write job holds the value only until it finishes.
class SecretJob : public QObject
{
    Q_OBJECT
public:
    using Operation = SecretStoreError::Operation;

    Operation operation() const { return m_operation; }
    QString key() const { return m_key; }

    bool isFinished() const { return m_finished; }
    const SecretResult &result() const { return m_result; }
    bool ok() const { return m_result.ok(); }
    std::optional<SecretStoreError> error() const { return m_result.error; }
    // A read's value, once finished without error.
    const Secret &secret() const { return m_result.secret; }

    // For the store's implementations: the value a write must store.
    const Secret &valueToWrite() const { return m_value; }
    // For the store's implementations: how long until the store's own deadline ends the job.
    std::chrono::milliseconds timeLeft() const;

Q_SIGNALS:
    void finished(agentfolio::SecretJob *job);

private:
    friend class SecretStore;
    SecretJob(Operation operation, const QString &key, const Secret &value, QObject *parent);
    void finish(SecretResult result);

    Operation m_operation;
    QString m_key;
    Secret m_value;
    SecretResult m_result;
    bool m_finished = false;
    QTimer *m_timer = nullptr;
};

} // namespace agentfolio
