#include "store/secretjob.h"

#include <QTimer>

namespace agentfolio {

SecretJob::SecretJob(Operation operation, const QString &key, const Secret &value, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_key(key)
    , m_value(value)
{ }

std::chrono::milliseconds SecretJob::timeLeft() const
{
    if (m_finished || !m_timer || !m_timer->isActive())
        return std::chrono::milliseconds(0);
    return m_timer->remainingTimeAsDuration();
}

void SecretJob::finish(SecretResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_timer)
        m_timer->stop();
    // The value was only needed to reach the backend; do not keep a copy around longer.
    m_value = Secret();
    m_result = std::move(result);
    Q_EMIT finished(this);
    deleteLater();
}

} // namespace agentfolio
