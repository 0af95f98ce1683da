#include "sandbox/sandboxstate.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace agentfolio;

namespace {

UserToken token(const QString &id, const QString &name)
{
    UserToken t;
    t.id = id;
    t.name = name;
    t.clientId = QStringLiteral("c1d2e3f4-a5b6-7890-cdef-123456789abc");
    t.scopeIds = { 200, 202 };
    t.ipsWhitelist = { QStringLiteral("192.168.1.1") };
    t.expiresAt = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
    t.createdAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0, 0), Qt::UTC);
    return t;
}

SandboxState::Entry entry(const QString &id, const QString &name)
{
    SandboxState::Entry e;
    e.portfolio.id = id;
    e.portfolio.name = name;
    e.portfolio.gcid = 12345678;
    e.portfolio.virtualBalance = Money::fromCents(1000000);
    e.portfolio.mirrorId = 12345;
    e.portfolio.createdAt = QDateTime(QDate(2026, 11, 1), QTime(8, 0, 0), Qt::UTC);
    e.portfolio.tokens = { token(QStringLiteral("f9e8d7c6-b5a4-3210-fedc-ba9876543210"),
                                 QStringLiteral("my-trading-token")) };
    e.description = QStringLiteral("My trading portfolio");
    e.investment = Money::fromCents(200000);
    return e;
}

const QString Id1 = QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
const QString Id2 = QStringLiteral("b1b2c3d4-e5f6-7890-abcd-ef1234567890");

} // namespace

class TestSandboxState : public QObject
{
    Q_OBJECT

private slots:
    void normalizedUuid_data();
    void normalizedUuid();
    void jsonRoundTrip();
    void tokenWithoutDates();
    void changes();
    void namesAreUniqueWithoutCase();
    void persistsEveryChange();
    void memoryOnlyWritesNothing();
    void missingFileMeansEmpty();
    void invalidFiles_data();
    void invalidFiles();
};

void TestSandboxState::normalizedUuid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("lower") << Id1 << Id1;
    QTest::newRow("upper") << Id1.toUpper() << Id1;
    QTest::newRow("braces") << QStringLiteral("{") + Id1 + QStringLiteral("}") << QString();
    QTest::newRow("no dashes") << QString(Id1).remove(QLatin1Char('-')) << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("trailing newline") << Id1 + QLatin1Char('\n') << QString();
}

void TestSandboxState::normalizedUuid()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(SandboxState::normalizedUuid(text), expected);
}

void TestSandboxState::jsonRoundTrip()
{
    SandboxState state;
    state.addPortfolio(entry(Id1, QStringLiteral("MyPort1")));
    SandboxState::Entry second = entry(Id2, QStringLiteral("Second"));
    second.portfolio.gcid = 9'007'199'254; // beyond 32 bits
    second.portfolio.tokens.clear();
    state.addPortfolio(second);

    const QJsonObject json = state.toJson();
    QCOMPARE(json.value(QStringLiteral("version")).toInt(), SandboxState::FormatVersion);
    QString why;
    const auto back = SandboxState::fromJson(json, &why);
    QVERIFY2(back, qPrintable(why));
    QCOMPARE(*back, state.entries());
    QCOMPARE(state.portfolios().size(), 2);
    QCOMPARE(state.portfolios().at(1).gcid, qint64(9'007'199'254));
}

void TestSandboxState::tokenWithoutDates()
{
    SandboxState state;
    SandboxState::Entry e = entry(Id1, QStringLiteral("MyPort1"));
    e.portfolio.tokens.first().expiresAt.reset();
    e.portfolio.tokens.first().ipsWhitelist.clear();
    state.addPortfolio(e);
    const QJsonObject json = state.toJson();
    const QJsonObject stored = json.value(QStringLiteral("portfolios"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("tokens"))
                                   .toArray()
                                   .at(0)
                                   .toObject();
    QVERIFY(stored.value(QStringLiteral("expiresAt")).isNull());
    const auto back = SandboxState::fromJson(json, nullptr);
    QVERIFY(back);
    QCOMPARE(back->constFirst().portfolio.tokens.constFirst().expiresAt, std::nullopt);
    QCOMPARE(*back, state.entries());
}

void TestSandboxState::changes()
{
    SandboxState state;
    state.addPortfolio(entry(Id1, QStringLiteral("MyPort1")));
    QVERIFY(state.find(Id1));
    QVERIFY(state.find(Id1.toUpper()));
    QVERIFY(!state.find(Id2));
    QVERIFY(!state.find(QStringLiteral("nonsense")));
    QVERIFY(state.hasGcid(12345678));
    QVERIFY(state.hasMirrorId(12345));
    QVERIFY(!state.hasGcid(1));

    const QString tokenId = QStringLiteral("e9e8d7c6-b5a4-3210-fedc-ba9876543210");
    QVERIFY(state.addToken(Id1, token(tokenId, QStringLiteral("second"))));
    QVERIFY(!state.addToken(Id2, token(tokenId, QStringLiteral("second"))));
    QCOMPARE(state.find(Id1)->portfolio.tokens.size(), 2);

    UserToken changed = token(tokenId, QStringLiteral("second"));
    changed.scopeIds = { 201 };
    QVERIFY(state.replaceToken(Id1, changed));
    QCOMPARE(state.find(Id1)->portfolio.tokens.at(1).scopeIds, QList<int> { 201 });
    changed.id = Id2;
    QVERIFY(!state.replaceToken(Id1, changed));

    QVERIFY(state.removeToken(Id1, tokenId.toUpper()));
    QVERIFY(!state.removeToken(Id1, tokenId));
    QVERIFY(!state.removeToken(Id1, QStringLiteral("x")));
    QCOMPARE(state.find(Id1)->portfolio.tokens.size(), 1);

    QVERIFY(!state.removePortfolio(Id2));
    QVERIFY(state.removePortfolio(Id1.toUpper()));
    QVERIFY(state.entries().isEmpty());

    state.addPortfolio(entry(Id1, QStringLiteral("MyPort1")));
    state.clear();
    QVERIFY(state.entries().isEmpty());
}

void TestSandboxState::namesAreUniqueWithoutCase()
{
    SandboxState state;
    state.addPortfolio(entry(Id1, QStringLiteral("MyPort1")));
    QVERIFY(state.hasPortfolioNamed(QStringLiteral("MyPort1")));
    QVERIFY(state.hasPortfolioNamed(QStringLiteral("MYPORT1")));
    QVERIFY(state.hasPortfolioNamed(QStringLiteral("  myport1 ")));
    QVERIFY(!state.hasPortfolioNamed(QStringLiteral("MyPort2")));
}

void TestSandboxState::persistsEveryChange()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("a/b/state.json"));
    SandboxState state;
    state.setFile(file);
    QCOMPARE(state.file(), file);
    QVERIFY(!QFile::exists(file));

    auto reloaded = [&file] {
        SandboxState other;
        other.setFile(file);
        return other.entries();
    };
    state.addPortfolio(entry(Id1, QStringLiteral("MyPort1")));
    QCOMPARE(reloaded(), state.entries());
    state.addToken(Id1, token(Id2, QStringLiteral("more")));
    QCOMPARE(reloaded(), state.entries());
    state.removeToken(Id1, Id2);
    QCOMPARE(reloaded(), state.entries());
    state.removePortfolio(Id1);
    QVERIFY(reloaded().isEmpty());

    // Setting a file replaces what was held with what the file holds.
    state.addPortfolio(entry(Id1, QStringLiteral("MyPort1")));
    SandboxState other;
    other.addPortfolio(entry(Id2, QStringLiteral("Other1")));
    other.setFile(file);
    QCOMPARE(other.entries(), state.entries());
}

void TestSandboxState::memoryOnlyWritesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString oldCwd = QDir::currentPath();
    QDir::setCurrent(dir.path());
    SandboxState state;
    state.addPortfolio(entry(Id1, QStringLiteral("MyPort1")));
    QVERIFY(state.save());
    QDir::setCurrent(oldCwd);
    QVERIFY(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
    // Dropping the file keeps what is held.
    state.setFile(QString());
    QCOMPARE(state.entries().size(), 1);
}

void TestSandboxState::missingFileMeansEmpty()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SandboxState state;
    state.addPortfolio(entry(Id1, QStringLiteral("MyPort1")));
    state.setFile(dir.filePath(QStringLiteral("none.json")));
    QVERIFY(state.entries().isEmpty());
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void TestSandboxState::invalidFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("garbage") << QByteArray("\x01\x02garbage");
    QTest::newRow("string") << QByteArray("\"state\"");
    QTest::newRow("version as text") << QByteArray(R"({"version":"1","portfolios":[]})");
    QTest::newRow("portfolios not a list") << QByteArray(R"({"version":1,"portfolios":{}})");
    QTest::newRow("bad portfolio id")
        << QByteArray(R"({"version":1,"portfolios":[{"id":"x","name":"MyPort1"}]})");
    QTest::newRow("token without id")
        << QByteArray(R"({"version":1,"portfolios":[{"id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890",)"
                      R"("name":"MyPort1","tokens":[{"name":"t"}]}]})");
    QTest::newRow("token with unknown scope")
        << QByteArray(R"({"version":1,"portfolios":[{"id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890",)"
                      R"("name":"MyPort1","tokens":[{"id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890",)"
                      R"("name":"t","scopeIds":[7]}]}]})");
    QTest::newRow("bad date") << QByteArray(
        R"({"version":1,"portfolios":[{"id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890",)"
        R"("name":"MyPort1","createdAt":"yesterday"}]})");
}

void TestSandboxState::invalidFiles()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("state.json"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
    }
    SandboxState state;
    state.addPortfolio(entry(Id1, QStringLiteral("MyPort1")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not valid.*moved")));
    state.setFile(file);
    QVERIFY(state.entries().isEmpty());
    QCOMPARE(state.file(), file);
    QVERIFY(!QFile::exists(file));
    const QStringList aside =
        QDir(dir.path()).entryList({ QStringLiteral("state.json.corrupt-*") }, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QFile moved(dir.filePath(aside.constFirst()));
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), content);
}

QTEST_GUILESS_MAIN(TestSandboxState)
#include "tst_sandboxstate.moc"
