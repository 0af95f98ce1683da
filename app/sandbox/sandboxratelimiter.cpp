#include "sandbox/sandboxratelimiter.h"

#include "sandbox/sandboxreply.h"

namespace agentfolio {

SandboxRateLimiter::SandboxRateLimiter(int limit, int windowSeconds, Clock clock)
    : m_limit(limit)
    , m_windowSeconds(qMax(1, windowSeconds))
    , m_clock(std::move(clock))
{
    m_elapsed.start();
}

void SandboxRateLimiter::configure(int limit, int windowSeconds)
{
    m_limit = limit;
    m_windowSeconds = qMax(1, windowSeconds);
    m_windowOpen = false;
    m_count = 0;
}

qint64 SandboxRateLimiter::now() const
{
    return m_clock ? m_clock() : m_elapsed.elapsed();
}

SandboxRateLimiter::Decision SandboxRateLimiter::consume()
{
    Decision decision;
    decision.limit = m_limit;
    decision.windowSeconds = m_windowSeconds;
    if (!isEnabled())
        return decision;

    const qint64 t = now();
    const qint64 windowMs = qint64(m_windowSeconds) * 1000;
    if (!m_windowOpen || t >= m_windowStart + windowMs) {
        m_windowOpen = true;
        m_windowStart = t;
        m_count = 0;
    }
    ++m_count;
    decision.allowed = m_count <= m_limit;
    decision.remaining = qMax(0, m_limit - m_count);
    const qint64 left = m_windowStart + windowMs - t;
    decision.resetSeconds = int((left + 999) / 1000);
    return decision;
}

void SandboxRateLimiter::addHeaders(const Decision &decision, SandboxReply *reply)
{
    if (decision.limit <= 0)
        return;
    reply->setHeader(QByteArrayLiteral("RateLimit-Limit"), QByteArray::number(decision.limit));
    reply->setHeader(QByteArrayLiteral("RateLimit-Remaining"),
                     QByteArray::number(decision.remaining));
    reply->setHeader(QByteArrayLiteral("RateLimit-Reset"),
                     QByteArray::number(decision.resetSeconds));
    reply->setHeader(QByteArrayLiteral("RateLimit-Policy"),
                     QByteArray::number(decision.limit)
                         + ";w=" + QByteArray::number(decision.windowSeconds));
    if (!decision.allowed)
        reply->setHeader(QByteArrayLiteral("Retry-After"),
                         QByteArray::number(decision.resetSeconds));
}

} // namespace agentfolio
