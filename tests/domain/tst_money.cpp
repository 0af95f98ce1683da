#include "domain/money.h"

#include <QTest>
#include <limits>

using namespace agentfolio;

// Money is where a typo becomes a real transfer, so every rule is pinned at its boundary.
class tst_Money : public QObject
{
    Q_OBJECT

private slots:
    void fromText_data();
    void fromText();
    void fromText_misplacedGroupSeparator_data();
    void fromText_misplacedGroupSeparator();
    void fromText_nullWhy();
    void fromJsonNumber_data();
    void fromJsonNumber();
    void fromJsonNumber_noSubCentAtAnySize_data();
    void fromJsonNumber_noSubCentAtAnySize();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void toPlainString_data();
    void toPlainString();
    void toDisplayString();
    void ordering();
};

namespace {
// A rejected value in the data tables below.
constexpr qint64 Rejected = -1;
} // namespace

void tst_Money::fromText_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents"); // Rejected = must fail
    QTest::addColumn<QString>("why"); // a word the failure message must contain

    // Accepted, C and en_US.
    QTest::newRow("C whole") << "C"
                             << "2000" << qint64(200000) << QString();
    QTest::newRow("C one decimal") << "C"
                                   << "2000.5" << qint64(200050) << QString();
    QTest::newRow("C two decimals") << "C"
                                    << "2000.50" << qint64(200050) << QString();
    QTest::newRow("C trailing point") << "C"
                                      << "2000." << qint64(200000) << QString();
    QTest::newRow("C smallest") << "C"
                                << "0.01" << qint64(1) << QString();
    QTest::newRow("C 0.07") << "C"
                            << "0.07" << qint64(7) << QString();
    QTest::newRow("C leading zero") << "C"
                                    << "007" << qint64(700) << QString();
    QTest::newRow("C surrounding spaces") << "C"
                                          << "  12.34 " << qint64(1234) << QString();
    QTest::newRow("en_US grouped") << "en_US"
                                   << "2,000.50" << qint64(200050) << QString();
    QTest::newRow("en_US millions") << "en_US"
                                    << "1,000,000.00" << qint64(100000000) << QString();
    QTest::newRow("en_US dollar sign") << "en_US"
                                       << "$2,000" << qint64(200000) << QString();
    QTest::newRow("en_US dollar sign space") << "en_US"
                                             << "$ 5" << qint64(500) << QString();
    QTest::newRow("en_US maximum") << "en_US"
                                   << "100,000,000,000.00" << Money::MaxCents << QString();

    // Accepted, de_DE: "." groups, "," is the decimal separator.
    QTest::newRow("de_DE grouped") << "de_DE"
                                   << "2.000,50" << qint64(200050) << QString();
    QTest::newRow("de_DE ungrouped") << "de_DE"
                                     << "2000,50" << qint64(200050) << QString();
    QTest::newRow("de_DE whole grouped") << "de_DE"
                                         << "2.000" << qint64(200000) << QString();
    QTest::newRow("de_DE one decimal") << "de_DE"
                                       << "0,5" << qint64(50) << QString();
    QTest::newRow("de_DE nbsp") << "de_DE"
                                << QString(QStringLiteral("2") + QChar(0x00A0)
                                           + QStringLiteral("000,50"))
                                << qint64(200050) << QString();

    // Accepted, en_IN: groups of three, then of two (lakh and crore), as the app shows them.
    QTest::newRow("en_IN thousands") << "en_IN"
                                     << "2,000.50" << qint64(200050) << QString();
    QTest::newRow("en_IN lakh") << "en_IN"
                                << "1,00,000" << qint64(10000000) << QString();
    QTest::newRow("en_IN crore") << "en_IN"
                                 << "1,00,00,000.00" << qint64(1000000000) << QString();
    QTest::newRow("en_IN largest below maximum")
        << "en_IN"
        << "99,99,99,99,999.99" << Money::MaxCents - 1 << QString();
    QTest::newRow("en_IN as the app shows it")
        << "en_IN" << QLocale(QStringLiteral("en_IN")).toString(99999999999.99, 'f', 2)
        << Money::MaxCents - 1 << QString();

    // Accepted, the locale's own digits: what the form's hint (and the app) shows there.
    QTest::newRow("ar_EG hint") << "ar_EG"
                                << QLocale(QStringLiteral("ar_EG")).toString(2000.5, 'f', 2)
                                << qint64(200050) << QString();
    QTest::newRow("ar_EG Arabic-Indic digits grouped")
        << "ar_EG" << QStringLiteral("\u0662\u066C\u0660\u0660\u0660\u066B\u0665\u0660")
        << qint64(200050) << QString();
    QTest::newRow("ar_EG Arabic-Indic digits ungrouped")
        << "ar_EG" << QStringLiteral("\u0662\u0660\u0660\u0660\u0660\u0660\u0660")
        << qint64(200000000) << QString();
    QTest::newRow("ar_EG ASCII digits") << "ar_EG"
                                        << "2000000" << qint64(200000000) << QString();
    QTest::newRow("fa_IR hint") << "fa_IR"
                                << QLocale(QStringLiteral("fa_IR")).toString(2000.5, 'f', 2)
                                << qint64(200050) << QString();
    QTest::newRow("fa_IR Extended Arabic-Indic digits")
        << "fa_IR" << QStringLiteral("\u06F1\u06F2\u066B\u06F5") << qint64(1250) << QString();

    // Rejected.
    QTest::newRow("ar_EG three decimals")
        << "ar_EG" << QStringLiteral("\u0661\u066B\u0662\u0663\u0664") << Rejected
        << "two decimals";
    QTest::newRow("empty") << "C"
                           << "" << Rejected << "Enter";
    QTest::newRow("blank") << "C"
                           << "   " << Rejected << "Enter";
    QTest::newRow("zero") << "C"
                          << "0" << Rejected << "above zero";
    QTest::newRow("zero cents") << "C"
                                << "0.00" << Rejected << "above zero";
    QTest::newRow("sub-cent 0.001") << "C"
                                    << "0.001" << Rejected << "two decimals";
    QTest::newRow("three decimals") << "C"
                                    << "2000.005" << Rejected << "two decimals";
    QTest::newRow("negative") << "C"
                              << "-1" << Rejected << "above zero";
    QTest::newRow("negative decimal") << "en_US"
                                      << "-0.50" << Rejected << "above zero";
    QTest::newRow("plus sign") << "C"
                               << "+5" << Rejected << "not an amount";
    QTest::newRow("exponent") << "C"
                              << "1e3" << Rejected << "not an amount";
    QTest::newRow("letters") << "C"
                             << "abc" << Rejected << "not an amount";
    QTest::newRow("nan") << "C"
                         << "nan" << Rejected << "not an amount";
    QTest::newRow("inf") << "C"
                         << "inf" << Rejected << "not an amount";
    QTest::newRow("only dollar sign") << "C"
                                      << "$" << Rejected << "not an amount";
    QTest::newRow("two points") << "C"
                                << "1.2.3" << Rejected << "not an amount";
    // A space can only be a group separator (no locale uses it as a decimal point),
    // so it is accepted where groups belong, and refused anywhere else.
    QTest::newRow("space as group") << "C"
                                    << "2 000" << qint64(200000) << QString();
    QTest::newRow("inner space") << "C"
                                 << "2 00" << Rejected << "not an amount";
    QTest::newRow("just above maximum") << "C"
                                        << "100000000000.01" << Rejected << "too large";
    QTest::newRow("leading zeros") << "C"
                                   << "0000000002000" << qint64(200000) << QString();
    QTest::newRow("13 digits") << "C"
                               << "1000000000000" << Rejected << "too large";
    QTest::newRow("huge") << "C"
                          << "99999999999999999999999999" << Rejected << "too large";
    QTest::newRow("de_DE three decimals") << "de_DE"
                                          << "1,234" << Rejected << "two decimals";
    QTest::newRow("en_US in de_DE") << "de_DE"
                                    << "2,000.50" << Rejected << QString();
}

void tst_Money::fromText()
{
    QFETCH(QString, locale);
    QFETCH(QString, text);
    QFETCH(qint64, cents);
    QFETCH(QString, why);

    QString message;
    const auto money = Money::fromText(text, QLocale(locale), &message);
    if (cents == Rejected) {
        QVERIFY2(!money, qPrintable(QStringLiteral("accepted as %1 cents").arg(money->cents())));
        QVERIFY(!message.isEmpty());
        if (!why.isEmpty())
            QVERIFY2(message.contains(why, Qt::CaseInsensitive), qPrintable(message));
    } else {
        QVERIFY2(money, qPrintable(message));
        QCOMPARE(money->cents(), cents);
    }
}

// A group separator is only a group separator where groups of three digits end. Anywhere
// else it is a typing habit from another locale, and silently dropping it multiplies the
// amount (de_DE "2000.5" would become $20,005). These must be refused.
void tst_Money::fromText_misplacedGroupSeparator_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("text");

    QTest::newRow("de_DE point as decimal") << "de_DE"
                                            << "2000.5";
    QTest::newRow("de_DE point as decimal 2") << "de_DE"
                                              << "19.99";
    QTest::newRow("en_US comma as decimal") << "en_US"
                                            << "1,00";
    QTest::newRow("en_US comma as decimal 2") << "en_US"
                                              << "10,5";
    QTest::newRow("en_US group of two") << "en_US"
                                        << "1,00,000";
    QTest::newRow("en_US group in fraction") << "en_US"
                                             << "1.0,0";
    QTest::newRow("en_US leading comma") << "en_US"
                                         << ",100";
    // en_IN's groups of two are accepted only where en_IN puts them.
    QTest::newRow("en_IN comma as decimal") << "en_IN"
                                            << "10,5";
    QTest::newRow("en_IN group of two last") << "en_IN"
                                             << "1,00,00";
    QTest::newRow("en_IN lakh misplaced") << "en_IN"
                                          << "99,99,99,99,99";
    QTest::newRow("en_IN leading comma") << "en_IN"
                                         << ",00,000";
    QTest::newRow("ar_EG group of two") << "ar_EG" << QStringLiteral("\u0661\u066C\u0660\u0660");
}

void tst_Money::fromText_misplacedGroupSeparator()
{
    QFETCH(QString, locale);
    QFETCH(QString, text);

    QString message;
    const auto money = Money::fromText(text, QLocale(locale), &message);
    QVERIFY2(!money,
             qPrintable(QStringLiteral("%1 in %2 accepted as %3 cents")
                            .arg(text, locale)
                            .arg(money ? money->cents() : 0)));
}

void tst_Money::fromText_nullWhy()
{
    // Callers that only want a yes/no pass no message pointer.
    QVERIFY(!Money::fromText(u"-1", QLocale::c(), nullptr));
    QCOMPARE(Money::fromText(u"1.50", QLocale::c(), nullptr)->cents(), 150);
    QVERIFY(!Money::fromJsonNumber(0, nullptr));
}

void tst_Money::fromJsonNumber_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<qint64>("cents"); // Rejected = must fail
    QTest::addColumn<QString>("why");

    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("0") << 0.0 << Rejected << "above zero";
    QTest::newRow("-0") << -0.0 << Rejected << "above zero";
    QTest::newRow("0.001") << 0.001 << Rejected << "two decimals";
    QTest::newRow("0.004") << 0.004 << Rejected << "two decimals";
    QTest::newRow("0.005") << 0.005 << Rejected << "two decimals";
    QTest::newRow("denormal") << 1e-310 << Rejected << "above zero";
    QTest::newRow("0.01") << 0.01 << qint64(1) << QString();
    QTest::newRow("0.07") << 0.07 << qint64(7) << QString();
    QTest::newRow("0.1+0.2") << 0.1 + 0.2 << qint64(30) << QString();
    QTest::newRow("2000") << 2000.0 << qint64(200000) << QString();
    QTest::newRow("2000.5") << 2000.5 << qint64(200050) << QString();
    QTest::newRow("2000.05") << 2000.05 << qint64(200005) << QString();
    QTest::newRow("2000.005") << 2000.005 << Rejected << "two decimals";
    QTest::newRow("1234567.89") << 1234567.89 << qint64(123456789) << QString();
    QTest::newRow("-1") << -1.0 << Rejected << "above zero";
    QTest::newRow("-0.01") << -0.01 << Rejected << "above zero";
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << Rejected << "finite";
    QTest::newRow("inf") << inf << Rejected << "finite";
    QTest::newRow("-inf") << -inf << Rejected << "finite";
    QTest::newRow("maximum") << 1e11 << Money::MaxCents << QString();
    QTest::newRow("maximum - 0.01") << 99999999999.99 << Money::MaxCents - 1 << QString();
    QTest::newRow("maximum + 0.01") << 100000000000.01 << Rejected << "too large";
    QTest::newRow("too large") << 1e12 << Rejected << "too large";
    QTest::newRow("max double") << std::numeric_limits<double>::max() << Rejected << "too large";
}

void tst_Money::fromJsonNumber()
{
    QFETCH(double, value);
    QFETCH(qint64, cents);
    QFETCH(QString, why);

    QString message;
    const auto money = Money::fromJsonNumber(value, &message);
    if (cents == Rejected) {
        QVERIFY2(!money, qPrintable(QStringLiteral("accepted as %1 cents").arg(money->cents())));
        QVERIFY(!message.isEmpty());
        QVERIFY2(message.contains(why, Qt::CaseInsensitive), qPrintable(message));
    } else {
        QVERIFY2(money, qPrintable(message));
        QCOMPARE(money->cents(), cents);
    }
}

// "At most two decimals" must hold for large amounts too: a tolerance relative to the
// amount lets $10,000.005 through and rounds it, which the rule forbids.
void tst_Money::fromJsonNumber_noSubCentAtAnySize_data()
{
    QTest::addColumn<double>("value");

    QTest::newRow("10000.005") << 10000.005;
    QTest::newRow("123456.789") << 123456.789;
    QTest::newRow("1000000.001") << 1000000.001;
    QTest::newRow("99999999.995") << 99999999.995;
}

void tst_Money::fromJsonNumber_noSubCentAtAnySize()
{
    QFETCH(double, value);

    QString message;
    const auto money = Money::fromJsonNumber(value, &message);
    QVERIFY2(!money,
             qPrintable(QStringLiteral("accepted as %1 cents").arg(money ? money->cents() : 0)));
}

// What goes out as a JSON number must come back as the same cents.
void tst_Money::jsonRoundTrip_data()
{
    QTest::addColumn<qint64>("cents");
    for (qint64 cents : { qint64(1), qint64(7), qint64(10), qint64(99), qint64(200050),
                          qint64(123456789), Money::MaxCents - 1, Money::MaxCents })
        QTest::addRow("%lld", static_cast<long long>(cents)) << cents;
}

void tst_Money::jsonRoundTrip()
{
    QFETCH(qint64, cents);
    QString message;
    const auto back = Money::fromJsonNumber(Money::fromCents(cents).toDouble(), &message);
    QVERIFY2(back, qPrintable(message));
    QCOMPARE(back->cents(), cents);
}

void tst_Money::toPlainString_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("text");

    QTest::newRow("1") << qint64(1) << "0.01";
    QTest::newRow("7") << qint64(7) << "0.07";
    QTest::newRow("50") << qint64(50) << "0.50";
    QTest::newRow("200050") << qint64(200050) << "2000.50";
    QTest::newRow("200000") << qint64(200000) << "2000.00";
    QTest::newRow("max") << Money::MaxCents << "100000000000.00";
}

void tst_Money::toPlainString()
{
    QFETCH(qint64, cents);
    QFETCH(QString, text);
    QCOMPARE(Money::fromCents(cents).toPlainString(), text);
    // The plain form is C-locale text that parses back to the same cents.
    QCOMPARE(Money::fromText(text, QLocale::c(), nullptr)->cents(), cents);
}

void tst_Money::toDisplayString()
{
    const Money money = Money::fromCents(200050);
    QCOMPARE(money.toDisplayString(QLocale(QStringLiteral("en_US"))), QStringLiteral("$2,000.50"));
    const QString german = money.toDisplayString(QLocale(QStringLiteral("de_DE")));
    QVERIFY2(german.contains(QStringLiteral("2.000,50")), qPrintable(german));
    QVERIFY2(german.contains(QLatin1Char('$')), qPrintable(german));
}

void tst_Money::ordering()
{
    QVERIFY(Money::fromCents(1) < Money::fromCents(2));
    QCOMPARE(Money::fromCents(200050), Money::fromText(u"2,000.50", QLocale::c(), nullptr).value());
    QCOMPARE(Money().cents(), 0);
}

QTEST_APPLESS_MAIN(tst_Money)
#include "tst_money.moc"
