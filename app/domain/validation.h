#pragma once

#include "domain/requests.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <optional>

namespace agentfolio {

// The fields of the create and add-token calls, so that a problem (ours or the
// server's) can be shown where it belongs.
enum class Field {
    None,
    InvestmentAmount,
    PortfolioName,
    TokenName,
    Scopes,
    IpAllowList,
    ExpiresAt,
    Description,
};

// The JSON member name ("agentPortfolioName") and back.
QString fieldJsonName(Field field);
Field fieldFromJsonName(QStringView name);
// "Portfolio name", translated.
QString fieldLabel(Field field);

struct Problem
{
    Field field = Field::None;
    QString message; // complete sentence naming the field and the rule
    int entry = -1; // for list fields: which entry (0-based), else -1

    bool operator==(const Problem &) const = default;
};
using Problems = QList<Problem>;

// What a form holds before validation: the amount as typed, lists as entered.
struct CreatePortfolioDraft
{
    QString investmentAmount; // text in the given locale
    QString portfolioName;
    QString tokenName;
    QList<int> scopeIds;
    QStringList ipsWhitelist;
    std::optional<QDateTime> expiresAt;
    QString description;
};

struct TokenDraft
{
    QString tokenName;
    QList<int> scopeIds;
    QStringList ipsWhitelist;
    std::optional<QDateTime> expiresAt;
};

template<typename T>
struct Validated
{
    std::optional<T> value; // set only when problems is empty
    Problems problems;
    bool ok() const { return problems.isEmpty(); }
};

// Pure functions: the same rules serve the form (as the user types), the client
// (before sending) and the sandbox (as the server).
class Validation
{
    Q_DECLARE_TR_FUNCTIONS(Validation)
public:
    static constexpr int PortfolioNameMin = 6;
    static constexpr int PortfolioNameMax = 10;
    static constexpr int MaxIpEntries = 100;

    static Validated<CreatePortfolioRequest> validateCreate(const CreatePortfolioDraft &draft,
                                                            const QDateTime &now,
                                                            const QLocale &locale = QLocale());
    static Validated<AddTokenRequest> validateToken(const TokenDraft &draft, const QDateTime &now);

    // The rules one by one. Each appends its problems and returns the normalised value.
    static std::optional<Money> amountText(const QString &text, const QLocale &locale,
                                           Problems *problems);
    static std::optional<Money> amountNumber(double value, Problems *problems);
    static QString portfolioName(const QString &name, Problems *problems);
    static QString tokenName(const QString &name, Problems *problems);
    static QList<int> scopes(const QList<int> &ids, Problems *problems);
    static QStringList ipAllowList(const QStringList &entries, Problems *problems);
    static std::optional<QDateTime> expiry(const std::optional<QDateTime> &expiresAt,
                                           const QDateTime &now, Problems *problems);
    static QString description(const QString &text, Problems *problems);

    // Strict dotted-quad IPv4: four decimal octets 0-255, no leading zeros.
    static bool isStrictIpv4(QStringView text);
    // Unicode code points, so that an emoji counts as one character.
    static int codePointCount(QStringView text);
    static bool hasControlCharacter(QStringView text);
    // Expiry on the wire: UTC, whole seconds, "yyyy-MM-ddTHH:mm:ssZ".
    static QString formatExpiry(const QDateTime &utc);
};

} // namespace agentfolio
