#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QtGlobal>
#include <functional>

namespace agentfolio {

struct SandboxReply;

// The API's shared quota as a fixed window: the first request after a window ended opens a
// new one of `windowSeconds`; within it at most `limit` requests pass. The clock is
// injectable so that tests can move time instead of waiting for it.
class SandboxRateLimiter
{
public:
    using Clock = std::function<qint64()>; // monotonic milliseconds

    struct Decision
    {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        int resetSeconds = 0; // until the window ends, rounded up
        int windowSeconds = 0;
    };

    explicit SandboxRateLimiter(int limit = 60, int windowSeconds = 60, Clock clock = {});

    // A limit <= 0 turns limiting (and its headers) off. Starts a fresh window.
    void configure(int limit, int windowSeconds);
    int limit() const { return m_limit; }
    int windowSeconds() const { return m_windowSeconds; }
    bool isEnabled() const { return m_limit > 0; }

    // Counts one request and says whether it may pass.
    Decision consume();

    // RateLimit-Limit, -Remaining, -Reset and -Policy ("60;w=60"); Retry-After when refused.
    static void addHeaders(const Decision &decision, SandboxReply *reply);

private:
    qint64 now() const;

    int m_limit;
    int m_windowSeconds;
    Clock m_clock;
    QElapsedTimer m_elapsed;
    bool m_windowOpen = false;
    qint64 m_windowStart = 0;
    int m_count = 0;
};

} // namespace agentfolio
