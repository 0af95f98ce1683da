#include "domain/money.h"

#include <QRegularExpression>
#include <cmath>

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

    // Strip a leading currency sign the user may have typed, then the locale's
    // group separators; what is left must be digits with an optional decimal part.
    QString digits = trimmed;
    if (digits.startsWith(QLatin1Char('$')))
        digits = digits.mid(1).trimmed();
    const QString group = locale.groupSeparator();
    if (!group.isEmpty())
        digits.remove(group);
    // Non-breaking spaces are common group separators when typed by hand.
    digits.remove(QChar(0x00A0));
    digits.remove(QChar(0x202F));
    const QString decimal = locale.decimalPoint();
    if (decimal != QLatin1String("."))
        digits.replace(decimal, QLatin1String("."));

    static const QRegularExpression shape(QStringLiteral("^(\\d+)(?:\\.(\\d*))?$"));
    const auto match = shape.match(digits);
    if (!match.hasMatch()) {
        if (digits.startsWith(QLatin1Char('-')))
            return fail(tr("The amount must be above zero."));
        return fail(tr("\"%1\" is not an amount in US dollars.").arg(trimmed));
    }
    const QString whole = match.captured(1);
    const QString fraction = match.captured(2);
    if (fraction.size() > 2)
        return fail(tr("Use at most two decimals (whole cents)."));
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
    // A decimal like 0.07 is not exact in binary; allow the representation error,
    // nothing more.
    if (std::fabs(scaled - rounded) > 1e-6 * std::max(1.0, std::fabs(scaled)))
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
    // toCurrencyString on a double is exact enough for display: cents < 2^53.
    return locale.toCurrencyString(toDouble(), QStringLiteral("$"), 2);
}

} // namespace agentfolio
