#include "sandbox/sandboxratelimiter.h"
#include "sandbox/sandboxreply.h"

#include <QTest>

using namespace agentfolio;

class TestSandboxRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void countsDownWithinAWindow();
    void refusesOverTheLimit();
    void newWindowAfterTheOldOneEnds();
    void resetRoundsUp_data();
    void resetRoundsUp();
    void headers();
    void disabled();
    void configureStartsAFreshWindow();

private:
    qint64 m_now = 1000;
    SandboxRateLimiter::Clock clock()
    {
        return [this] { return m_now; };
    }
};

void TestSandboxRateLimiter::countsDownWithinAWindow()
{
    SandboxRateLimiter limiter(3, 10, clock());
    for (int expected : { 2, 1, 0 }) {
        const auto decision = limiter.consume();
        QVERIFY(decision.allowed);
        QCOMPARE(decision.limit, 3);
        QCOMPARE(decision.remaining, expected);
        QCOMPARE(decision.windowSeconds, 10);
        QCOMPARE(decision.resetSeconds, 10);
    }
}

void TestSandboxRateLimiter::refusesOverTheLimit()
{
    SandboxRateLimiter limiter(2, 60, clock());
    QVERIFY(limiter.consume().allowed);
    m_now += 20'000;
    QVERIFY(limiter.consume().allowed);
    m_now += 10'000;
    const auto refused = limiter.consume();
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.remaining, 0);
    QCOMPARE(refused.resetSeconds, 30);
    // Still refused until the window ends.
    m_now += 29'999;
    QVERIFY(!limiter.consume().allowed);
}

void TestSandboxRateLimiter::newWindowAfterTheOldOneEnds()
{
    SandboxRateLimiter limiter(1, 60, clock());
    QVERIFY(limiter.consume().allowed);
    QVERIFY(!limiter.consume().allowed);
    m_now += 60'000;
    const auto decision = limiter.consume();
    QVERIFY(decision.allowed);
    QCOMPARE(decision.remaining, 0);
    QCOMPARE(decision.resetSeconds, 60);
    // The window opens at the first request after the old one, not on a fixed grid.
    m_now += 500'000;
    QVERIFY(limiter.consume().allowed);
    m_now += 59'000;
    QVERIFY(!limiter.consume().allowed);
}

void TestSandboxRateLimiter::resetRoundsUp_data()
{
    QTest::addColumn<qint64>("elapsed");
    QTest::addColumn<int>("reset");
    QTest::newRow("start") << qint64(0) << 60;
    QTest::newRow("1 ms in") << qint64(1) << 60;
    QTest::newRow("1 s in") << qint64(1000) << 59;
    QTest::newRow("last ms") << qint64(59'999) << 1;
}

void TestSandboxRateLimiter::resetRoundsUp()
{
    QFETCH(qint64, elapsed);
    QFETCH(int, reset);
    SandboxRateLimiter limiter(100, 60, clock());
    limiter.consume();
    m_now += elapsed;
    QCOMPARE(limiter.consume().resetSeconds, reset);
}

void TestSandboxRateLimiter::headers()
{
    SandboxRateLimiter limiter(2, 60, clock());
    SandboxReply reply;
    SandboxRateLimiter::addHeaders(limiter.consume(), &reply);
    QCOMPARE(reply.header("RateLimit-Limit"), QByteArray("2"));
    QCOMPARE(reply.header("RateLimit-Remaining"), QByteArray("1"));
    QCOMPARE(reply.header("RateLimit-Reset"), QByteArray("60"));
    QCOMPARE(reply.header("RateLimit-Policy"), QByteArray("2;w=60"));
    QCOMPARE(reply.header("Retry-After"), QByteArray());

    limiter.consume();
    m_now += 15'500;
    SandboxReply refused;
    SandboxRateLimiter::addHeaders(limiter.consume(), &refused);
    QCOMPARE(refused.header("RateLimit-Remaining"), QByteArray("0"));
    QCOMPARE(refused.header("RateLimit-Reset"), QByteArray("45"));
    QCOMPARE(refused.header("Retry-After"), QByteArray("45"));
}

void TestSandboxRateLimiter::disabled()
{
    SandboxRateLimiter limiter(0, 60, clock());
    QVERIFY(!limiter.isEnabled());
    for (int i = 0; i < 1000; ++i)
        QVERIFY(limiter.consume().allowed);
    SandboxReply reply;
    SandboxRateLimiter::addHeaders(limiter.consume(), &reply);
    QVERIFY(reply.headers.isEmpty());
}

void TestSandboxRateLimiter::configureStartsAFreshWindow()
{
    SandboxRateLimiter limiter(1, 60, clock());
    QVERIFY(limiter.consume().allowed);
    QVERIFY(!limiter.consume().allowed);
    limiter.configure(2, 5);
    QCOMPARE(limiter.limit(), 2);
    QCOMPARE(limiter.windowSeconds(), 5);
    auto decision = limiter.consume();
    QVERIFY(decision.allowed);
    QCOMPARE(decision.remaining, 1);
    QCOMPARE(decision.resetSeconds, 5);
    // A window is at least a second long.
    limiter.configure(1, 0);
    QCOMPARE(limiter.windowSeconds(), 1);
}

QTEST_GUILESS_MAIN(TestSandboxRateLimiter)
#include "tst_sandboxratelimiter.moc"
