#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <optional>

namespace agentfolio {

// An amount of US dollars held as integer cents, so sums and comparisons are exact.
// Doubles appear only at the edges: JSON numbers in and out.
class Money
{
    Q_DECLARE_TR_FUNCTIONS(Money)
public:
    // Larger than any plausible investment, small enough that cents fit a double exactly.
    static constexpr qint64 MaxCents = 100'000'000'000'00LL; // 100 billion dollars

    constexpr Money() = default;
    static constexpr Money fromCents(qint64 cents) { return Money(cents); }

    // Parses what a person typed, in `locale` (group separators allowed, at most two
    // decimals, no sign, no exponent). On failure returns nullopt and sets *why.
    static std::optional<Money> fromText(QStringView text, const QLocale &locale, QString *why);

    // Parses a JSON number: finite, at most two decimals, within range.
    static std::optional<Money> fromJsonNumber(double value, QString *why);

    constexpr qint64 cents() const { return m_cents; }
    double toDouble() const { return double(m_cents) / 100.0; }

    // "2000.50": C locale, always two decimals.
    QString toPlainString() const;
    // "$2,000.50" in the given locale.
    QString toDisplayString(const QLocale &locale = QLocale()) const;

    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
    constexpr auto operator<=>(const Money &) const = default;

private:
    constexpr explicit Money(qint64 cents)
        : m_cents(cents)
    { }
    qint64 m_cents = 0;
};

} // namespace agentfolio
