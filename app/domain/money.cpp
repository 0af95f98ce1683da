#include "domain/money.h"

#include <QRegularExpression>
#include <cmath>
#include <limits>

namespace agentfolio {

std::optional<Money> Money::fromText(QStringView text, const QLocale &locale, QString *why)
{
    const QString trimmed = text.trimmed().toString();
    auto fail = [why](const QString &message) -> std::optional<Money> {
        if (why)
            *why = message;
        return std::nullopt;
    };
    if (trimmed.isEmpty())
        return fail(tr("Enter an amount in US dollars."));

    // A locale with digits of its own (Arabic, Persian, Bengali...) shows amounts in them,
    // as the hint below does: they are read as the digits they are.
    QString digits = trimmed;
    const QString zero = locale.zeroDigit();
    if (zero.size() == 1 && zero.at(0) != QLatin1Char('0')) {
        const char16_t first = zero.at(0).unicode();
        for (QChar &c : digits) {
            if (c.unicode() >= first && c.unicode() <= first + 9)
                c = QChar(char16_t(u'0' + (c.unicode() - first)));
        }
    }
    if (digits.startsWith(QLatin1Char('$')))
        digits = digits.mid(1).trimmed();
    if (digits.startsWith(QLatin1Char('-')) || digits.startsWith(QChar(0x2212)))
        return fail(tr("The amount must be above zero."));
    const QString notAnAmount = tr("\"%1\" is not an amount in US dollars; write it like %2.")
                                    .arg(trimmed, locale.toString(2000.5, 'f', 2));

    // One decimal separator at most, then digits only.
    const QString decimal = locale.decimalPoint();
    const QStringList halves = digits.split(decimal);
    if (halves.size() > 2)
        return fail(notAnAmount);
    const QString fraction = halves.size() == 2 ? halves.at(1) : QString();
    static const QRegularExpression onlyDigits(QStringLiteral("^[0-9]*$"));
    if (!onlyDigits.match(fraction).hasMatch())
        return fail(notAnAmount);

    // Group separators only where the locale puts them (1,234,567): anywhere else they
    // are a typo or another locale's decimal point, and dropping them would turn
    // "10,5" into a thousand times more money.
    // A space (plain or non-breaking) is accepted as a group separator in every locale.
    const QString group = locale.groupSeparator();
    QString wholeText = halves.at(0);
    if (!group.isEmpty()) {
        for (QChar space : { QChar(u' '), QChar(0x00A0), QChar(0x202F) })
            wholeText.replace(space, group);
    }
    const QStringList groups = group.isEmpty() ? QStringList { wholeText } : wholeText.split(group);
    QString whole = groups.join(QString());
    bool threeDigitGroups = true;
    for (qsizetype g = 0; g < groups.size() && threeDigitGroups; ++g) {
        const QString &part = groups.at(g);
        threeDigitGroups = groups.size() == 1
            || (g == 0 ? part.size() >= 1 && part.size() <= 3 : part.size() == 3);
    }
    if (!onlyDigits.match(whole).hasMatch())
        return fail(notAnAmount);
    if (!threeDigitGroups) {
        // Or grouped exactly as the locale groups, which is not always by three: India
        // writes 1,00,00,000, and the app shows amounts that way there.
        bool ok = false;
        const qlonglong value = whole.toLongLong(&ok);
        if (!ok || locale.toString(value) != wholeText)
            return fail(notAnAmount);
    }
    if (whole.isEmpty() && fraction.isEmpty())
        return fail(notAnAmount);
    if (fraction.size() > 2)
        return fail(tr("Use at most two decimals (whole cents)."));
    // Leading zeros carry no value: "0002000" is 2000, not a 7-digit amount.
    while (whole.size() > 1 && whole.startsWith(QLatin1Char('0')))
        whole.remove(0, 1);
    if (whole.size() > 12)
        return fail(tr("The amount is too large."));
    const qint64 cents =
        whole.toLongLong() * 100 + QString(fraction + QLatin1String("00")).left(2).toLongLong();
    if (cents <= 0)
        return fail(tr("The amount must be above zero."));
    if (cents > MaxCents)
        return fail(tr("The amount is too large."));
    return Money(cents);
}

std::optional<Money> Money::fromJsonNumber(double value, QString *why)
{
    auto fail = [why](const QString &message) -> std::optional<Money> {
        if (why)
            *why = message;
        return std::nullopt;
    };
    if (!std::isfinite(value))
        return fail(tr("The amount must be a finite number."));
    if (value <= 0)
        return fail(tr("The amount must be above zero."));
    if (value * 100.0 > double(MaxCents))
        return fail(tr("The amount is too large."));
    const double scaled = value * 100.0;
    const double rounded = std::round(scaled);
    // A decimal like 0.07 is not exact in binary: allow the representation error of
    // the number (a few ulps), nothing more, so a third decimal is never rounded away.
    const double tolerance =
        std::max(1e-6, std::fabs(scaled) * 8 * std::numeric_limits<double>::epsilon());
    if (std::fabs(scaled - rounded) > tolerance)
        return fail(tr("Use at most two decimals (whole cents)."));
    if (rounded < 1)
        return fail(tr("The amount must be above zero."));
    return Money(qint64(rounded));
}

QString Money::toPlainString() const
{
    const qint64 whole = m_cents / 100;
    const qint64 fraction = m_cents % 100;
    return QStringLiteral("%1.%2").arg(whole).arg(fraction, 2, 10, QLatin1Char('0'));
}

QString Money::toDisplayString(const QLocale &locale) const
{
    // toCurrencyString on a double is exact enough for display: cents < 2^53. The C
    // locale has no currency format of its own; US dollars read best in US English.
    const QLocale format =
        locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : locale;
    return format.toCurrencyString(toDouble(), QStringLiteral("$"), 2);
}

} // namespace agentfolio
