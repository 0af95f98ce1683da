// Validation::amountText (Money::fromText): the investment amount as typed, in the locale of
// the form. The first byte picks the locale.

#include "domain/money.h"
#include "domain/validation.h"
#include "fuzzcommon.h"

using namespace agentfolio;

namespace {

const QList<QLocale> &locales()
{
    static const QList<QLocale> list {
        QLocale::c(),
        QLocale(QLocale::English, QLocale::UnitedStates),
        QLocale(QLocale::German, QLocale::Germany), // 1.234,56
        QLocale(QLocale::French, QLocale::France), // 1 234,56 (narrow no-break space)
        QLocale(QLocale::German, QLocale::Switzerland), // 1’234.56
        QLocale(QLocale::English, QLocale::India), // 1,23,456.78
        QLocale(QLocale::Arabic, QLocale::Egypt), // Arabic-Indic digits
    };
    return list;
}

void checkRejected(const Problems &problems)
{
    FUZZ_CHECK(!problems.isEmpty(), "a refused amount has a problem");
    for (const Problem &problem : problems) {
        FUZZ_CHECK(problem.field == Field::InvestmentAmount, "the problem names the field");
        FUZZ_CHECK(problem.message.contains(fieldLabel(Field::InvestmentAmount)),
                   "the message names the field");
        FUZZ_CHECK(problem.message.size() > fieldLabel(Field::InvestmentAmount).size() + 2,
                   "the message says more than the field's name");
    }
}

void checkReadsBack(const QString &text, const QLocale &locale, Money expected)
{
    Problems problems;
    const auto again = Validation::amountText(text, locale, &problems);
    FUZZ_CHECK(again.has_value() && problems.isEmpty(), "a normalised amount validates");
    FUZZ_CHECK(*again == expected, "a normalised amount validates to itself");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QLocale &locale = locales().at(data[0] % locales().size());
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    Problems problems;
    const auto money = Validation::amountText(text, locale, &problems);
    FUZZ_CHECK(money.has_value() == Validation::amountText(text, locale, nullptr).has_value(),
               "the result does not depend on collecting problems");
    if (!money) {
        checkRejected(problems);
        return 0;
    }
    FUZZ_CHECK(problems.isEmpty(), "never both an amount and a problem");
    FUZZ_CHECK(money->cents() > 0 && money->cents() <= Money::MaxCents, "the amount is in range");

    // The normalised forms the app writes read back as the same amount: the plain form in
    // any locale that reads a '.' decimal, the locale's own form in that locale.
    checkReadsBack(money->toPlainString(), QLocale::c(), *money);
    checkReadsBack(locale.toString(money->toDouble(), 'f', 2), locale, *money);
    // And what goes on the wire is the amount, to the cent.
    QString why;
    const auto wire = Money::fromJsonNumber(money->toDouble(), &why);
    FUZZ_CHECK(wire.has_value() && *wire == *money, "the JSON number is the same amount");
    return 0;
}
