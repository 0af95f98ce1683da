#include "domain/validation.h"

#include <QTest>
#include <QTimeZone>
#include <ctime>

using namespace agentfolio;

Q_DECLARE_METATYPE(agentfolio::CreatePortfolioDraft)

// The rules of the create call, each pinned at its boundaries. The same functions serve
// the form, the client and the sandbox, so a gap here is a gap everywhere.
class tst_Validation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void codePointCount_data();
    void codePointCount();
    void hasControlCharacter_data();
    void hasControlCharacter();

    void portfolioName_data();
    void portfolioName();
    void tokenName_data();
    void tokenName();
    void namesUtf8CannotCarryAreRefused_data();
    void namesUtf8CannotCarryAreRefused();
    void scopes_data();
    void scopes();
    void isStrictIpv4_data();
    void isStrictIpv4();
    void ipAllowList_data();
    void ipAllowList();
    void ipAllowListLimit_data();
    void ipAllowListLimit();
    void expiry_data();
    void expiry();
    void expiryFromLocalTime();
    void formatExpiry_data();
    void formatExpiry();
    void description_data();
    void description();
    void amountProblemsBelongToTheAmount_data();
    void amountProblemsBelongToTheAmount();

    void validateCreateValid_data();
    void validateCreateValid();
    void validateCreateProblems_data();
    void validateCreateProblems();
    void problemMessagesNameTheirField_data();
    void problemMessagesNameTheirField();
    void validateToken();
    void fieldNames();
};

namespace {

const QDateTime Now(QDate(2026, 1, 15), QTime(12, 0, 0), Qt::UTC);

// The seed page's example, as a person would type it in en_US.
CreatePortfolioDraft validDraft()
{
    CreatePortfolioDraft draft;
    draft.investmentAmount = QStringLiteral("2,000");
    draft.portfolioName = QStringLiteral("MyPort1");
    draft.tokenName = QStringLiteral("my-trading-token");
    draft.scopeIds = { 200, 202 };
    draft.ipsWhitelist = { QStringLiteral("192.168.1.1") };
    draft.expiresAt = QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59), Qt::UTC);
    draft.description = QStringLiteral("My trading portfolio");
    return draft;
}

QStringList distinctAddresses(int count)
{
    QStringList addresses;
    for (int i = 0; i < count; ++i)
        addresses.append(QStringLiteral("10.0.%1.%2").arg(i / 250).arg(i % 250));
    return addresses;
}

QList<int> fieldsOf(const Problems &problems)
{
    QList<int> fields;
    for (const Problem &problem : problems)
        fields.append(int(problem.field));
    return fields;
}

QString describe(const Problems &problems)
{
    QStringList lines;
    for (const Problem &problem : problems)
        lines.append(QStringLiteral("[%1 #%2] %3")
                         .arg(fieldJsonName(problem.field))
                         .arg(problem.entry)
                         .arg(problem.message));
    return lines.join(QLatin1Char('\n'));
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

const QString Rocket = QStringLiteral("\U0001F680");

} // namespace

void tst_Validation::initTestCase()
{
    // A fixed zone with a half-hour offset and no DST, so that local-time conversions
    // are checked against a known answer on any machine.
    qputenv("TZ", "Asia/Kolkata");
    tzset();
    QCOMPARE(QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::LocalTime).offsetFromUtc(),
             5 * 3600 + 1800);
}

void tst_Validation::codePointCount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("count");

    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("ascii") << "MyPort1" << 7;
    QTest::newRow("emoji") << Rocket << 1;
    QTest::newRow("emoji in text")
        << QString(QStringLiteral("a") + Rocket + QStringLiteral("b")) << 3;
    QTest::newRow("two emoji") << QString(Rocket + Rocket) << 2;
    QTest::newRow("precomposed") << QStringLiteral("\u00E9") << 1;
    QTest::newRow("combining") << QStringLiteral("e\u0301") << 2;
    QTest::newRow("emoji with skin tone") << QStringLiteral("\U0001F44D\U0001F3FD") << 2;
    QTest::newRow("lone high surrogate") << QString(QChar(0xD83D)) << 1;
    QTest::newRow("lone low surrogate") << QString(QChar(0xDE80)) << 1;
    QTest::newRow("reversed pair") << QString(QChar(0xDE80)) + QChar(0xD83D) << 2;
}

void tst_Validation::codePointCount()
{
    QFETCH(QString, text);
    QFETCH(int, count);
    QCOMPARE(Validation::codePointCount(text), count);
}

void tst_Validation::hasControlCharacter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("control");

    QTest::newRow("plain") << "My Port" << false;
    QTest::newRow("emoji") << Rocket << false;
    QTest::newRow("non-breaking space") << QStringLiteral("a\u00A0b") << false;
    QTest::newRow("tab") << "a\tb" << true;
    QTest::newRow("newline") << "a\nb" << true;
    QTest::newRow("carriage return") << "a\rb" << true;
    QTest::newRow("NUL") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << true;
    QTest::newRow("escape") << "a\x1b"
                               "b"
                            << true;
    QTest::newRow("DEL") << "a\x7f"
                            "b"
                         << true;
    QTest::newRow("C1 control") << QStringLiteral("a\u0085b") << true;
    QTest::newRow("right-to-left override") << QStringLiteral("My\u202EPort") << true;
    QTest::newRow("right-to-left isolate") << QStringLiteral("My\u2067Port") << true;
    QTest::newRow("left-to-right mark") << QStringLiteral("My\u200EPort") << true;
    // UTF-8 cannot carry half a surrogate pair, and drops a byte-order mark at the start.
    QTest::newRow("lone high surrogate") << QString(QStringLiteral("a") + QChar(0xD83D)) << true;
    QTest::newRow("lone low surrogate") << QString(QChar(0xDE80) + QStringLiteral("b")) << true;
    QTest::newRow("reversed pair") << QString(QString(QChar(0xDE80)) + QChar(0xD83D)) << true;
    QTest::newRow("leading byte-order mark")
        << QString(QString(QChar(0xFEFF)) + QStringLiteral("MyPort1")) << true;
    QTest::newRow("byte-order mark inside") << QStringLiteral("My\uFEFFPort") << true;
    QTest::newRow("emoji zero-width joiner")
        << QStringLiteral("\U0001F468\u200D\U0001F469") << false;
}

void tst_Validation::hasControlCharacter()
{
    QFETCH(QString, text);
    QFETCH(bool, control);
    QCOMPARE(Validation::hasControlCharacter(text), control);
}

void tst_Validation::portfolioName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<int>("problems");

    QTest::newRow("5 characters") << "Abcde"
                                  << "Abcde" << 1;
    QTest::newRow("6 characters") << "Abcdef"
                                  << "Abcdef" << 0;
    QTest::newRow("10 characters") << "Abcdefghij"
                                   << "Abcdefghij" << 0;
    QTest::newRow("11 characters") << "Abcdefghijk"
                                   << "Abcdefghijk" << 1;
    QTest::newRow("empty") << ""
                           << "" << 1;
    QTest::newRow("blank") << "      "
                           << "" << 1;
    QTest::newRow("surrounding spaces") << "   MyPort1  "
                                        << "MyPort1" << 0;
    QTest::newRow("spaces do not count") << "  Abcde  "
                                         << "Abcde" << 1;
    QTest::newRow("10 plus spaces") << " Abcdefghij "
                                    << "Abcdefghij" << 0;
    QTest::newRow("inner space") << "My Port"
                                 << "My Port" << 0;
    QTest::newRow("emoji 5 code points")
        << QString(Rocket + Rocket + Rocket + Rocket + Rocket)
        << QString(Rocket + Rocket + Rocket + Rocket + Rocket) << 1;
    QTest::newRow("emoji 6 code points") << QString(Rocket + QStringLiteral("Abcde"))
                                         << QString(Rocket + QStringLiteral("Abcde")) << 0;
    QTest::newRow("emoji 10 code points")
        << QString(Rocket).repeated(10) << QString(Rocket).repeated(10) << 0;
    QTest::newRow("emoji 11 code points")
        << QString(Rocket).repeated(11) << QString(Rocket).repeated(11) << 1;
    QTest::newRow("accented") << QStringLiteral("\u00DCn\u00EFc\u00F6d\u00E9")
                              << QStringLiteral("\u00DCn\u00EFc\u00F6d\u00E9") << 0;
    QTest::newRow("tab inside") << "My\tPort1"
                                << "My\tPort1" << 1;
    QTest::newRow("newline inside") << "My\nPort1"
                                    << "My\nPort1" << 1;
    QTest::newRow("surrounding tab") << "\tMyPort1\t"
                                     << "MyPort1" << 0;
    QTest::newRow("DEL inside") << "MyPort\x7f"
                                   "1"
                                << "MyPort\x7f"
                                   "1"
                                << 1;
    QTest::newRow("too short and tab") << "Ab\tcd"
                                       << "Ab\tcd" << 2;
}

void tst_Validation::portfolioName()
{
    QFETCH(QString, name);
    QFETCH(QString, normalised);
    QFETCH(int, problems);

    Problems found;
    QCOMPARE(Validation::portfolioName(name, &found), normalised);
    QVERIFY2(found.size() == problems, qPrintable(describe(found)));
    for (const Problem &problem : std::as_const(found)) {
        QCOMPARE(problem.field, Field::PortfolioName);
        QCOMPARE(problem.entry, -1);
    }
    // Too short or too long says how long it is now, in code points.
    const int length = Validation::codePointCount(normalised);
    if (problems == 1 && length > 0 && !Validation::hasControlCharacter(normalised))
        QVERIFY2(found.first().message.contains(QString::number(length)),
                 qPrintable(found.first().message));
}

void tst_Validation::tokenName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<int>("problems");

    QTest::newRow("seed example") << "my-trading-token"
                                  << "my-trading-token" << 0;
    QTest::newRow("one character") << "x"
                                   << "x" << 0;
    QTest::newRow("trimmed") << "  tok  "
                             << "tok" << 0;
    QTest::newRow("surrounding tab and newline") << "\ttok\n"
                                                 << "tok" << 0;
    QTest::newRow("emoji") << QString(QStringLiteral("t\u00F6k ") + Rocket)
                           << QString(QStringLiteral("t\u00F6k ") + Rocket) << 0;
    QTest::newRow("empty") << ""
                           << "" << 1;
    QTest::newRow("blank") << "   "
                           << "" << 1;
    QTest::newRow("tab inside") << "a\tb"
                                << "a\tb" << 1;
    QTest::newRow("newline inside") << "a\nb"
                                    << "a\nb" << 1;
}

void tst_Validation::tokenName()
{
    QFETCH(QString, name);
    QFETCH(QString, normalised);
    QFETCH(int, problems);

    Problems found;
    QCOMPARE(Validation::tokenName(name, &found), normalised);
    QVERIFY2(found.size() == problems, qPrintable(describe(found)));
    for (const Problem &problem : std::as_const(found))
        QCOMPARE(problem.field, Field::TokenName);
}

// A name goes to the server as UTF-8 JSON and is compared with what comes back: one that
// cannot make the trip unchanged is refused, as an invisible character, not sent.
void tst_Validation::namesUtf8CannotCarryAreRefused_data()
{
    QTest::addColumn<bool>("portfolio"); // else a token name
    QTest::addColumn<QString>("name");

    // The fuzzer's reproducers (regress-lone-surrogate-accepted.bin, regress-leading-bom.bin).
    QTest::newRow("portfolio lone high surrogate")
        << true << QString(QStringLiteral("Port") + QChar(0xD800) + QStringLiteral("abc"));
    QTest::newRow("portfolio lone low surrogate")
        << true << QString(QStringLiteral("MyPort") + QChar(0xDE80));
    QTest::newRow("portfolio leading byte-order mark")
        << true << QString(QString(QChar(0xFEFF)) + QStringLiteral("MyPort1"));
    QTest::newRow("token lone high surrogate")
        << false << QString(QStringLiteral("tok") + QChar(0xD83D));
    QTest::newRow("token lone low surrogate")
        << false << QString(QChar(0xDE80) + QStringLiteral("tok"));
    QTest::newRow("token leading byte-order mark")
        << false << QString(QString(QChar(0xFEFF)) + QStringLiteral("my-trading-token"));
}

void tst_Validation::namesUtf8CannotCarryAreRefused()
{
    QFETCH(bool, portfolio);
    QFETCH(QString, name);

    Problems found;
    const QString normalised =
        portfolio ? Validation::portfolioName(name, &found) : Validation::tokenName(name, &found);
    QCOMPARE(normalised, name);
    QVERIFY2(found.size() == 1, qPrintable(describe(found)));
    QCOMPARE(found.first().field, portfolio ? Field::PortfolioName : Field::TokenName);
    QVERIFY2(found.first().message.contains(QStringLiteral("control characters")),
             qPrintable(found.first().message));
}

void tst_Validation::scopes_data()
{
    QTest::addColumn<QList<int>>("ids");
    QTest::addColumn<QList<int>>("normalised");
    QTest::addColumn<int>("problems");

    QTest::newRow("none") << QList<int>() << QList<int>() << 1;
    QTest::newRow("200") << QList<int> { 200 } << QList<int> { 200 } << 0;
    QTest::newRow("201") << QList<int> { 201 } << QList<int> { 201 } << 0;
    QTest::newRow("202") << QList<int> { 202 } << QList<int> { 202 } << 0;
    QTest::newRow("203") << QList<int> { 203 } << QList<int> { 203 } << 0;
    QTest::newRow("defaults") << QList<int> { 200, 202 } << QList<int> { 200, 202 } << 0;
    QTest::newRow("all, reversed")
        << QList<int> { 203, 202, 201, 200 } << QList<int> { 200, 201, 202, 203 } << 0;
    QTest::newRow("duplicates") << QList<int> { 202, 200, 202 } << QList<int> { 200, 202 } << 0;
    QTest::newRow("199") << QList<int> { 199 } << QList<int>() << 1;
    QTest::newRow("204") << QList<int> { 204 } << QList<int>() << 1;
    QTest::newRow("known and unknown") << QList<int> { 200, 204 } << QList<int> { 200 } << 1;
    QTest::newRow("two unknown") << QList<int> { 0, 1 } << QList<int>() << 2;
}

void tst_Validation::scopes()
{
    QFETCH(QList<int>, ids);
    QFETCH(QList<int>, normalised);
    QFETCH(int, problems);

    Problems found;
    QCOMPARE(Validation::scopes(ids, &found), normalised);
    QVERIFY2(found.size() == problems, qPrintable(describe(found)));
    for (const Problem &problem : std::as_const(found))
        QCOMPARE(problem.field, Field::Scopes);
}

void tst_Validation::isStrictIpv4_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("seed example") << "192.168.1.1" << true;
    QTest::newRow("zeros") << "0.0.0.0" << true;
    QTest::newRow("broadcast") << "255.255.255.255" << true;
    QTest::newRow("single zero octets") << "10.0.0.1" << true;
    QTest::newRow("249") << "249.250.199.100" << true;

    QTest::newRow("three octets") << "1.2.3" << false;
    QTest::newRow("five octets") << "1.2.3.4.5" << false;
    QTest::newRow("leading zero") << "01.2.3.4" << false;
    QTest::newRow("leading zero inside") << "1.2.03.4" << false;
    QTest::newRow("00") << "1.2.3.00" << false;
    QTest::newRow("CIDR") << "1.2.3.4/24" << false;
    QTest::newRow("port") << "1.2.3.4:80" << false;
    QTest::newRow("IPv6 loopback") << "::1" << false;
    QTest::newRow("IPv6") << "2001:db8::1" << false;
    QTest::newRow("IPv4-mapped IPv6") << "::ffff:1.2.3.4" << false;
    QTest::newRow("host name") << "example.com" << false;
    QTest::newRow("localhost") << "localhost" << false;
    QTest::newRow("256 first") << "256.1.1.1" << false;
    QTest::newRow("256 last") << "1.1.1.256" << false;
    QTest::newRow("999") << "999.1.1.1" << false;
    QTest::newRow("negative") << "-1.2.3.4" << false;
    QTest::newRow("trailing dot") << "1.2.3.4." << false;
    QTest::newRow("empty octet") << "1..3.4" << false;
    QTest::newRow("hex") << "0x7f.0.0.1" << false;
    QTest::newRow("integer form") << "2130706433" << false;
    QTest::newRow("inner space") << "1.2. 3.4" << false;
    QTest::newRow("leading space") << " 1.2.3.4" << false;
    QTest::newRow("fullwidth digits") << QStringLiteral("\uFF11.\uFF12.\uFF13.\uFF14") << false;
    QTest::newRow("empty") << "" << false;
}

void tst_Validation::isStrictIpv4()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(Validation::isStrictIpv4(text), valid);
}

void tst_Validation::ipAllowList_data()
{
    QTest::addColumn<QStringList>("entries");
    QTest::addColumn<QStringList>("normalised");
    QTest::addColumn<QList<int>>("badEntries"); // index of each entry with a problem

    QTest::newRow("empty") << QStringList() << QStringList() << QList<int>();
    QTest::newRow("seed example") << strings({ "192.168.1.1" }) << strings({ "192.168.1.1" })
                                  << QList<int>();
    QTest::newRow("leading space trimmed")
        << strings({ " 1.2.3.4" }) << strings({ "1.2.3.4" }) << QList<int>();
    QTest::newRow("trailing tab trimmed")
        << strings({ "1.2.3.4 \t" }) << strings({ "1.2.3.4" }) << QList<int>();
    QTest::newRow("blank entries skipped")
        << strings({ "", "  " }) << QStringList() << QList<int>();
    QTest::newRow("duplicates removed")
        << strings({ "1.2.3.4", "1.2.3.4", " 1.2.3.4 " }) << strings({ "1.2.3.4" }) << QList<int>();
    QTest::newRow("order kept") << strings({ "10.0.0.2", "10.0.0.1", "10.0.0.2" })
                                << strings({ "10.0.0.2", "10.0.0.1" }) << QList<int>();
    QTest::newRow("three octets") << strings({ "1.2.3" }) << QStringList() << QList<int> { 0 };
    QTest::newRow("leading zero") << strings({ "01.2.3.4" }) << QStringList() << QList<int> { 0 };
    QTest::newRow("CIDR") << strings({ "1.2.3.4/24" }) << QStringList() << QList<int> { 0 };
    QTest::newRow("IPv6") << strings({ "::1" }) << QStringList() << QList<int> { 0 };
    QTest::newRow("host name") << strings({ "example.com" }) << QStringList() << QList<int> { 0 };
    QTest::newRow("256") << strings({ "256.1.1.1" }) << QStringList() << QList<int> { 0 };
    QTest::newRow("mixed") << strings({ "1.2.3.4", "bad", "5.6.7.8", "1.2.3" })
                           << strings({ "1.2.3.4", "5.6.7.8" }) << QList<int> { 1, 3 };
}

void tst_Validation::ipAllowList()
{
    QFETCH(QStringList, entries);
    QFETCH(QStringList, normalised);
    QFETCH(QList<int>, badEntries);

    Problems found;
    QCOMPARE(Validation::ipAllowList(entries, &found), normalised);
    QList<int> indexes;
    for (const Problem &problem : std::as_const(found)) {
        QCOMPARE(problem.field, Field::IpAllowList);
        indexes.append(problem.entry);
        // The message quotes the refused entry so the user can find it.
        QVERIFY2(problem.message.contains(entries.at(problem.entry).trimmed()),
                 qPrintable(problem.message));
    }
    QCOMPARE(indexes, badEntries);
}

void tst_Validation::ipAllowListLimit_data()
{
    QTest::addColumn<QStringList>("entries");
    QTest::addColumn<int>("count"); // after duplicates are removed
    QTest::addColumn<bool>("ok");

    QTest::newRow("99") << distinctAddresses(99) << 99 << true;
    QTest::newRow("100") << distinctAddresses(100) << 100 << true;
    QTest::newRow("101") << distinctAddresses(101) << 101 << false;
    QTest::newRow("250") << distinctAddresses(250) << 250 << false;
    // The maximum counts distinct addresses: duplicates are removed first.
    QStringList withDuplicates = distinctAddresses(100);
    withDuplicates += distinctAddresses(50);
    QTest::newRow("150 entries, 100 distinct") << withDuplicates << 100 << true;
}

void tst_Validation::ipAllowListLimit()
{
    QFETCH(QStringList, entries);
    QFETCH(int, count);
    QFETCH(bool, ok);

    Problems found;
    QCOMPARE(Validation::ipAllowList(entries, &found).size(), count);
    QCOMPARE(found.isEmpty(), ok);
    if (!ok) {
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().field, Field::IpAllowList);
        QVERIFY2(found.first().message.contains(QString::number(Validation::MaxIpEntries)),
                 qPrintable(found.first().message));
        QVERIFY2(found.first().message.contains(QString::number(count)),
                 qPrintable(found.first().message));
    }
}

void tst_Validation::expiry_data()
{
    QTest::addColumn<bool>("set");
    QTest::addColumn<QDateTime>("expiresAt");
    QTest::addColumn<QString>("wire"); // empty = rejected

    QTest::newRow("never") << false << QDateTime() << QString();
    QTest::newRow("a day ago") << true << Now.addDays(-1) << QString();
    QTest::newRow("a second ago") << true << Now.addSecs(-1) << QString();
    QTest::newRow("exactly now") << true << Now << QString();
    // Whole seconds only: 999 ms ahead is "now" on the wire, so it is not in the future.
    QTest::newRow("now + 999 ms") << true << Now.addMSecs(999) << QString();
    QTest::newRow("now + 1 s") << true << Now.addSecs(1) << "2026-01-15T12:00:01Z";
    QTest::newRow("milliseconds dropped") << true << Now.addMSecs(1750) << "2026-01-15T12:00:01Z";
    QTest::newRow("seed example") << true
                                  << QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59), Qt::UTC)
                                  << "2026-12-31T23:59:59Z";
    QTest::newRow("offset +01:00")
        << true << QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59), Qt::OffsetFromUTC, 3600)
        << "2026-12-31T22:59:59Z";
    QTest::newRow("offset -05:00 crosses the year")
        << true << QDateTime(QDate(2026, 12, 31), QTime(20, 0, 0), Qt::OffsetFromUTC, -5 * 3600)
        << "2027-01-01T01:00:00Z";
    QTest::newRow("Berlin summer time") << true
                                        << QDateTime(QDate(2026, 7, 1), QTime(12, 0, 0),
                                                     QTimeZone(QByteArrayLiteral("Europe/Berlin")))
                                        << "2026-07-01T10:00:00Z";
    QTest::newRow("offset puts it in the past")
        << true << QDateTime(QDate(2026, 1, 15), QTime(13, 0, 0), Qt::OffsetFromUTC, 2 * 3600)
        << QString();
    QTest::newRow("invalid") << true << QDateTime() << QString();
    // The wire form's year has four digits: the last second it can say is in 9999, in UTC.
    QTest::newRow("last second of 9999")
        << true << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC)
        << "9999-12-31T23:59:59Z";
    QTest::newRow("9999 ahead of UTC")
        << true << QDateTime(QDate(9999, 12, 31), QTime(23, 30), Qt::OffsetFromUTC, 3600)
        << "9999-12-31T22:30:00Z";
    // The fuzzer's reproducer (regress-year-10000-utc.txt): 10000-01-01T00:30Z.
    QTest::newRow("9999 behind UTC is 10000")
        << true << QDateTime(QDate(9999, 12, 31), QTime(23, 30), Qt::OffsetFromUTC, -3600)
        << QString();
}

void tst_Validation::expiry()
{
    QFETCH(bool, set);
    QFETCH(QDateTime, expiresAt);
    QFETCH(QString, wire);

    Problems found;
    const auto input = set ? std::optional<QDateTime>(expiresAt) : std::nullopt;
    const auto result = Validation::expiry(input, Now, &found);
    if (!set) {
        QVERIFY(!result);
        QVERIFY(found.isEmpty());
    } else if (wire.isEmpty()) {
        // The message is built even when the check passes: only from a result that exists.
        QVERIFY2(!result, result ? qPrintable(result->toString(Qt::ISODateWithMs)) : "");
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().field, Field::ExpiresAt);
    } else {
        QVERIFY2(found.isEmpty(), qPrintable(describe(found)));
        QVERIFY(result);
        QCOMPARE(result->timeSpec(), Qt::UTC);
        QCOMPARE(result->time().msec(), 0);
        QCOMPARE(Validation::formatExpiry(*result), wire);
    }
}

void tst_Validation::expiryFromLocalTime()
{
    // The form holds local time (TZ is Asia/Kolkata, +05:30, in this test).
    const QDateTime local(QDate(2026, 12, 31), QTime(23, 59, 59, 500), Qt::LocalTime);
    Problems found;
    const auto result = Validation::expiry(local, Now, &found);
    QVERIFY2(result, qPrintable(describe(found)));
    QCOMPARE(Validation::formatExpiry(*result), QStringLiteral("2026-12-31T18:29:59Z"));
    // "now" may be given in local time too: it is the same instant.
    QVERIFY(!Validation::expiry(Now.toLocalTime(), Now.toLocalTime(), &found));
}

void tst_Validation::formatExpiry_data()
{
    QTest::addColumn<QDateTime>("value");
    QTest::addColumn<QString>("wire");

    QTest::newRow("UTC") << QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59), Qt::UTC)
                         << "2026-12-31T23:59:59Z";
    QTest::newRow("milliseconds dropped")
        << QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59, 999), Qt::UTC)
        << "2026-12-31T23:59:59Z";
    QTest::newRow("zero padded") << QDateTime(QDate(2027, 2, 3), QTime(4, 5, 6), Qt::UTC)
                                 << "2027-02-03T04:05:06Z";
    QTest::newRow("offset converted")
        << QDateTime(QDate(2027, 1, 1), QTime(0, 30, 0), Qt::OffsetFromUTC, 3600)
        << "2026-12-31T23:30:00Z";
    QTest::newRow("local converted")
        << QDateTime(QDate(2027, 1, 1), QTime(5, 30, 0), Qt::LocalTime) << "2027-01-01T00:00:00Z";
}

void tst_Validation::formatExpiry()
{
    QFETCH(QDateTime, value);
    QFETCH(QString, wire);
    QCOMPARE(Validation::formatExpiry(value), wire);
}

void tst_Validation::description_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised");

    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("blank") << "  \n\t "
                           << "";
    QTest::newRow("seed example") << "My trading portfolio"
                                  << "My trading portfolio";
    QTest::newRow("trimmed") << "  Momentum  \n"
                             << "Momentum";
    QTest::newRow("lines kept") << "line one\nline two"
                                << "line one\nline two";
}

void tst_Validation::description()
{
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    Problems found;
    QCOMPARE(Validation::description(text, &found), normalised);
    QVERIFY(found.isEmpty());
}

void tst_Validation::amountProblemsBelongToTheAmount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("number");

    QTest::newRow("zero") << "0" << 0.0;
    QTest::newRow("negative") << "-1" << -1.0;
    QTest::newRow("sub-cent") << "0.001" << 0.001;
}

void tst_Validation::amountProblemsBelongToTheAmount()
{
    QFETCH(QString, text);
    QFETCH(double, number);

    Problems found;
    QVERIFY(!Validation::amountText(text, QLocale::c(), &found));
    QVERIFY(!Validation::amountNumber(number, &found));
    QCOMPARE(found.size(), 2);
    for (const Problem &problem : std::as_const(found)) {
        QCOMPARE(problem.field, Field::InvestmentAmount);
        QVERIFY2(problem.message.startsWith(fieldLabel(Field::InvestmentAmount)),
                 qPrintable(problem.message));
    }
    // The text and the number say the same thing.
    QCOMPARE(found.at(0).message, found.at(1).message);
}

void tst_Validation::validateCreateValid_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<CreatePortfolioDraft>("draft");
    QTest::addColumn<CreatePortfolioRequest>("request");

    {
        CreatePortfolioRequest request;
        request.investment = Money::fromCents(200000);
        request.portfolioName = QStringLiteral("MyPort1");
        request.tokenName = QStringLiteral("my-trading-token");
        request.scopeIds = { 200, 202 };
        request.ipsWhitelist = { QStringLiteral("192.168.1.1") };
        request.expiresAt = QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59), Qt::UTC);
        request.description = QStringLiteral("My trading portfolio");
        QTest::newRow("seed example") << "en_US" << validDraft() << request;
    }
    {
        // Everything a person might type loosely, and what goes on the wire.
        CreatePortfolioDraft draft;
        draft.investmentAmount = QStringLiteral(" 2.000,50 ");
        draft.portfolioName = QStringLiteral("  ") + Rocket + QStringLiteral("Port 1\t");
        draft.tokenName = QStringLiteral("  bot token ");
        draft.scopeIds = { 203, 201, 203 };
        draft.ipsWhitelist = { QStringLiteral(" 10.0.0.1"), QString(), QStringLiteral("10.0.0.1 "),
                               QStringLiteral("192.168.1.1") };
        draft.expiresAt =
            QDateTime(QDate(2026, 12, 31), QTime(23, 59, 59, 750), Qt::OffsetFromUTC, 3600);
        draft.description = QStringLiteral("  Momentum\nstrategy \n");

        CreatePortfolioRequest request;
        request.investment = Money::fromCents(200050);
        request.portfolioName = Rocket + QStringLiteral("Port 1");
        request.tokenName = QStringLiteral("bot token");
        request.scopeIds = { 201, 203 };
        request.ipsWhitelist = { QStringLiteral("10.0.0.1"), QStringLiteral("192.168.1.1") };
        request.expiresAt = QDateTime(QDate(2026, 12, 31), QTime(22, 59, 59), Qt::UTC);
        request.description = QStringLiteral("Momentum\nstrategy");
        QTest::newRow("loose de_DE") << "de_DE" << draft << request;
    }
    {
        // Only what is required: the optional members stay empty and are omitted.
        CreatePortfolioDraft draft;
        draft.investmentAmount = QStringLiteral("0.01");
        draft.portfolioName = QStringLiteral("Abcdef");
        draft.tokenName = QStringLiteral("t");
        draft.scopeIds = { 201 };

        CreatePortfolioRequest request;
        request.investment = Money::fromCents(1);
        request.portfolioName = QStringLiteral("Abcdef");
        request.tokenName = QStringLiteral("t");
        request.scopeIds = { 201 };
        QTest::newRow("minimal C") << "C" << draft << request;
    }
}

void tst_Validation::validateCreateValid()
{
    QFETCH(QString, locale);
    QFETCH(CreatePortfolioDraft, draft);
    QFETCH(CreatePortfolioRequest, request);

    const auto result = Validation::validateCreate(draft, Now, QLocale(locale));
    QVERIFY2(result.ok(), qPrintable(describe(result.problems)));
    QVERIFY(result.value);
    const CreatePortfolioRequest &got = *result.value;
    QCOMPARE(got.investment.cents(), request.investment.cents());
    QCOMPARE(got.portfolioName, request.portfolioName);
    QCOMPARE(got.tokenName, request.tokenName);
    QCOMPARE(got.scopeIds, request.scopeIds);
    QCOMPARE(got.ipsWhitelist, request.ipsWhitelist);
    QCOMPARE(got.description, request.description);
    QCOMPARE(got.expiresAt.has_value(), request.expiresAt.has_value());
    if (got.expiresAt) {
        QCOMPARE(Validation::formatExpiry(*got.expiresAt),
                 Validation::formatExpiry(*request.expiresAt));
        QCOMPARE(got.expiresAt->timeSpec(), Qt::UTC);
    }
    QVERIFY(got == request);
}

void tst_Validation::validateCreateProblems_data()
{
    QTest::addColumn<CreatePortfolioDraft>("draft");
    QTest::addColumn<QList<int>>("fields"); // the field of each problem, in order

    const auto row = [](const char *name, auto change, QList<Field> fields) {
        CreatePortfolioDraft draft = validDraft();
        change(draft);
        QList<int> ids;
        for (Field field : fields)
            ids.append(int(field));
        QTest::newRow(name) << draft << ids;
    };
    using D = CreatePortfolioDraft;
    row("amount empty", [](D &d) { d.investmentAmount.clear(); }, { Field::InvestmentAmount });
    row("amount zero", [](D &d) { d.investmentAmount = QStringLiteral("0"); },
        { Field::InvestmentAmount });
    row("amount negative", [](D &d) { d.investmentAmount = QStringLiteral("-5"); },
        { Field::InvestmentAmount });
    row("amount three decimals", [](D &d) { d.investmentAmount = QStringLiteral("1.005"); },
        { Field::InvestmentAmount });
    row("amount text", [](D &d) { d.investmentAmount = QStringLiteral("lots"); },
        { Field::InvestmentAmount });
    row("name empty", [](D &d) { d.portfolioName.clear(); }, { Field::PortfolioName });
    row("name 5", [](D &d) { d.portfolioName = QStringLiteral("Abcde"); },
        { Field::PortfolioName });
    row("name 11", [](D &d) { d.portfolioName = QStringLiteral("Abcdefghijk"); },
        { Field::PortfolioName });
    row("name tab", [](D &d) { d.portfolioName = QStringLiteral("My\tPort1"); },
        { Field::PortfolioName });
    row("name 5 with tab", [](D &d) { d.portfolioName = QStringLiteral("Ab\tcd"); },
        { Field::PortfolioName, Field::PortfolioName });
    row("token empty", [](D &d) { d.tokenName.clear(); }, { Field::TokenName });
    row("token blank", [](D &d) { d.tokenName = QStringLiteral("  "); }, { Field::TokenName });
    row("token newline", [](D &d) { d.tokenName = QStringLiteral("a\nb"); }, { Field::TokenName });
    row("no scope", [](D &d) { d.scopeIds.clear(); }, { Field::Scopes });
    row("unknown scope", [](D &d) { d.scopeIds = { 200, 204 }; }, { Field::Scopes });
    row("ip invalid", [](D &d) { d.ipsWhitelist = { QStringLiteral("1.2.3.4/24") }; },
        { Field::IpAllowList });
    row("ip two invalid",
        [](D &d) {
            d.ipsWhitelist = { QStringLiteral("1.2.3"), QStringLiteral("1.2.3.4"),
                               QStringLiteral("::1") };
        },
        { Field::IpAllowList, Field::IpAllowList });
    row("ip 101", [](D &d) { d.ipsWhitelist = distinctAddresses(101); }, { Field::IpAllowList });
    row("expiry past", [](D &d) { d.expiresAt = Now.addDays(-1); }, { Field::ExpiresAt });
    row("expiry now", [](D &d) { d.expiresAt = Now; }, { Field::ExpiresAt });
    row("expiry invalid", [](D &d) { d.expiresAt = QDateTime(); }, { Field::ExpiresAt });
    // Every problem at once, each at its field.
    row("everything",
        [](D &d) {
            d.investmentAmount = QStringLiteral("0");
            d.portfolioName = QStringLiteral("Abc");
            d.tokenName.clear();
            d.scopeIds.clear();
            d.ipsWhitelist = { QStringLiteral("example.com") };
            d.expiresAt = Now;
            d.description = QStringLiteral("  ");
        },
        { Field::InvestmentAmount, Field::PortfolioName, Field::TokenName, Field::Scopes,
          Field::IpAllowList, Field::ExpiresAt });
}

void tst_Validation::validateCreateProblems()
{
    QFETCH(CreatePortfolioDraft, draft);
    QFETCH(QList<int>, fields);

    const auto result = Validation::validateCreate(draft, Now, QLocale(QStringLiteral("en_US")));
    QVERIFY(!result.ok());
    QVERIFY(!result.value);
    QVERIFY2(fieldsOf(result.problems) == fields, qPrintable(describe(result.problems)));
}

void tst_Validation::problemMessagesNameTheirField_data()
{
    validateCreateProblems_data();
}

void tst_Validation::problemMessagesNameTheirField()
{
    QFETCH(CreatePortfolioDraft, draft);

    const auto result = Validation::validateCreate(draft, Now, QLocale(QStringLiteral("en_US")));
    QVERIFY(!result.problems.isEmpty());
    for (const Problem &problem : result.problems) {
        QVERIFY(problem.field != Field::None);
        QVERIFY2(!problem.message.trimmed().isEmpty(), qPrintable(describe(result.problems)));
        const QString label = fieldLabel(problem.field);
        QVERIFY(!label.isEmpty());
        QVERIFY2(problem.message.contains(label, Qt::CaseInsensitive),
                 qPrintable(
                     QStringLiteral("\"%1\" does not mention \"%2\"").arg(problem.message, label)));
    }
}

void tst_Validation::validateToken()
{
    TokenDraft draft;
    draft.tokenName = QStringLiteral(" second ");
    draft.scopeIds = { 201 };
    draft.ipsWhitelist = { QStringLiteral("10.0.0.1"), QStringLiteral("10.0.0.1") };
    draft.expiresAt = Now.addSecs(60);
    auto result = Validation::validateToken(draft, Now);
    QVERIFY2(result.ok(), qPrintable(describe(result.problems)));
    QCOMPARE(result.value->tokenName, QStringLiteral("second"));
    QCOMPARE(result.value->ipsWhitelist, QStringList { QStringLiteral("10.0.0.1") });

    result = Validation::validateToken(TokenDraft(), Now);
    QVERIFY(!result.value);
    QCOMPARE(fieldsOf(result.problems), (QList<int> { int(Field::TokenName), int(Field::Scopes) }));
}

void tst_Validation::fieldNames()
{
    const QList<Field> fields = { Field::InvestmentAmount, Field::PortfolioName, Field::TokenName,
                                  Field::Scopes,           Field::IpAllowList,   Field::ExpiresAt,
                                  Field::Description };
    QStringList jsonNames;
    for (Field field : fields) {
        const QString json = fieldJsonName(field);
        QVERIFY(!json.isEmpty());
        QVERIFY(!fieldLabel(field).isEmpty());
        QCOMPARE(fieldFromJsonName(json), field);
        // Server messages may not match our spelling's case.
        QCOMPARE(fieldFromJsonName(json.toUpper()), field);
        jsonNames.append(json);
    }
    // The names of the seed page's request body.
    QCOMPARE(jsonNames,
             (strings({ "investmentAmountInUsd", "agentPortfolioName", "userTokenName", "scopeIds",
                        "ipsWhitelist", "expiresAt", "agentPortfolioDescription" })));
    QCOMPARE(fieldFromJsonName(u"nonsense"), Field::None);
    QCOMPARE(fieldFromJsonName(u""), Field::None);
    QVERIFY(fieldJsonName(Field::None).isEmpty());
    QVERIFY(fieldLabel(Field::None).isEmpty());
}

QTEST_APPLESS_MAIN(tst_Validation)
#include "tst_validation.moc"
