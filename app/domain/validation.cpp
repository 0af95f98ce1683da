#include "domain/validation.h"

#include "domain/portfolio.h"
#include "domain/scopes.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>

namespace agentfolio {

namespace {

void add(Problems *problems, Field field, const QString &message, int entry = -1)
{
    if (problems)
        problems->append(Problem { field, message, entry });
}

} // namespace

QString fieldJsonName(Field field)
{
    switch (field) {
    case Field::InvestmentAmount:
        return QStringLiteral("investmentAmountInUsd");
    case Field::PortfolioName:
        return QStringLiteral("agentPortfolioName");
    case Field::TokenName:
        return QStringLiteral("userTokenName");
    case Field::Scopes:
        return QStringLiteral("scopeIds");
    case Field::IpAllowList:
        return QStringLiteral("ipsWhitelist");
    case Field::ExpiresAt:
        return QStringLiteral("expiresAt");
    case Field::Description:
        return QStringLiteral("agentPortfolioDescription");
    case Field::None:
        break;
    }
    return {};
}

Field fieldFromJsonName(QStringView name)
{
    for (Field field :
         { Field::InvestmentAmount, Field::PortfolioName, Field::TokenName, Field::Scopes,
           Field::IpAllowList, Field::ExpiresAt, Field::Description }) {
        if (name.compare(fieldJsonName(field), Qt::CaseInsensitive) == 0)
            return field;
    }
    return Field::None;
}

QString fieldLabel(Field field)
{
    switch (field) {
    case Field::InvestmentAmount:
        return Validation::tr("Investment amount");
    case Field::PortfolioName:
        return Validation::tr("Portfolio name");
    case Field::TokenName:
        return Validation::tr("Token name");
    case Field::Scopes:
        return Validation::tr("Scopes");
    case Field::IpAllowList:
        return Validation::tr("IP allow-list");
    case Field::ExpiresAt:
        return Validation::tr("Token expiry");
    case Field::Description:
        return Validation::tr("Description");
    case Field::None:
        break;
    }
    return {};
}

int Validation::codePointCount(QStringView text)
{
    int count = 0;
    for (auto it = text.begin(); it != text.end(); ++it) {
        // A surrogate pair is one code point.
        if (it->isHighSurrogate() && std::next(it) != text.end() && std::next(it)->isLowSurrogate())
            ++it;
        ++count;
    }
    return count;
}

bool Validation::hasControlCharacter(QStringView text)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
        // Invisible direction overrides and marks can make a name display as another
        // one (a "Trojan Source" spoof); joiners used by emoji stay allowed.
        const char16_t u = c.unicode();
        if ((u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E
            || u == 0x200F || u == 0x061C)
            return true;
        // A byte-order mark is invisible too, and a UTF-8 reader drops it at the start: the
        // server would record a name without it.
        if (u == 0xFEFF)
            return true;
    }
    // Half of a surrogate pair is no character at all: UTF-8 (the JSON the server gets)
    // cannot carry it, so the server would record another name than the one shown here.
    return !text.toString().isValidUtf16();
}

bool Validation::isStrictIpv4(QStringView text)
{
    static const QRegularExpression dottedQuad(
        QStringLiteral("^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
                       "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$"));
    if (!dottedQuad.match(text.toString()).hasMatch())
        return false;
    // The pattern is the strict part; QHostAddress confirms it is an IPv4 address.
    QHostAddress address;
    return address.setAddress(text.toString())
        && address.protocol() == QAbstractSocket::IPv4Protocol;
}

QString Validation::formatExpiry(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

std::optional<Money> Validation::amountText(const QString &text, const QLocale &locale,
                                            Problems *problems)
{
    QString why;
    auto money = Money::fromText(text, locale, &why);
    if (!money)
        add(problems, Field::InvestmentAmount, tr("Investment amount: %1").arg(why));
    return money;
}

std::optional<Money> Validation::amountNumber(double value, Problems *problems)
{
    QString why;
    auto money = Money::fromJsonNumber(value, &why);
    if (!money)
        add(problems, Field::InvestmentAmount, tr("Investment amount: %1").arg(why));
    return money;
}

QString Validation::portfolioName(const QString &name, Problems *problems)
{
    QString trimmed = name.trimmed();
    const int length = codePointCount(trimmed);
    if (trimmed.isEmpty()) {
        add(problems, Field::PortfolioName,
            tr("Portfolio name is required (%1 to %2 characters).")
                .arg(PortfolioNameMin)
                .arg(PortfolioNameMax));
    } else if (length < PortfolioNameMin || length > PortfolioNameMax) {
        add(problems, Field::PortfolioName,
            tr("Portfolio name must be %1 to %2 characters long; it has %3.")
                .arg(PortfolioNameMin)
                .arg(PortfolioNameMax)
                .arg(length));
    }
    if (hasControlCharacter(trimmed))
        add(problems, Field::PortfolioName,
            tr("Portfolio name must not contain control characters (such as tabs or line "
               "breaks)."));
    return trimmed;
}

QString Validation::tokenName(const QString &name, Problems *problems)
{
    QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        add(problems, Field::TokenName, tr("Token name is required."));
    if (hasControlCharacter(trimmed))
        add(problems, Field::TokenName,
            tr("Token name must not contain control characters (such as tabs, line breaks or "
               "invisible direction marks)."));
    return trimmed;
}

QList<int> Validation::scopes(const QList<int> &ids, Problems *problems)
{
    QList<int> result;
    for (int id : ids) {
        if (!Scopes::isKnown(id)) {
            add(problems, Field::Scopes,
                tr("Scopes: %1 is not one of 200, 201, 202 or 203.").arg(id));
            continue;
        }
        if (!result.contains(id))
            result.append(id);
    }
    if (ids.isEmpty())
        add(problems, Field::Scopes, tr("Scopes: choose at least one."));
    std::sort(result.begin(), result.end());
    return result;
}

QStringList Validation::ipAllowList(const QStringList &entries, Problems *problems)
{
    QStringList result;
    for (int i = 0; i < entries.size(); ++i) {
        const QString entry = entries.at(i).trimmed();
        if (entry.isEmpty())
            continue;
        if (!isStrictIpv4(entry)) {
            add(problems, Field::IpAllowList,
                tr("IP allow-list: \"%1\" is not an IPv4 address like 192.168.1.1 "
                   "(no ranges, host names, IPv6 or leading zeros).")
                    .arg(entry),
                i);
            continue;
        }
        if (!result.contains(entry))
            result.append(entry);
    }
    if (result.size() > MaxIpEntries)
        add(problems, Field::IpAllowList,
            tr("IP allow-list: at most %1 addresses; it has %2.")
                .arg(MaxIpEntries)
                .arg(result.size()));
    return result;
}

std::optional<QDateTime> Validation::expiry(const std::optional<QDateTime> &expiresAt,
                                            const QDateTime &now, Problems *problems)
{
    if (!expiresAt)
        return std::nullopt;
    // Whole seconds in UTC with a four-digit year: what the wire format can carry. A later
    // time (9999-12-31T23:30-01:00 is one) has no wire form.
    const std::optional<QDateTime> writable = writableUtc(*expiresAt);
    if (!writable) {
        add(problems, Field::ExpiresAt, tr("Token expiry is not a valid date and time."));
        return std::nullopt;
    }
    QDateTime utc = *writable;
    utc.setTime(QTime(utc.time().hour(), utc.time().minute(), utc.time().second()));
    if (utc <= now.toUTC()) {
        add(problems, Field::ExpiresAt, tr("Token expiry must be in the future."));
        return std::nullopt;
    }
    return utc;
}

QString Validation::description(const QString &text, Problems *)
{
    return text.trimmed();
}

Validated<CreatePortfolioRequest> Validation::validateCreate(const CreatePortfolioDraft &draft,
                                                             const QDateTime &now,
                                                             const QLocale &locale)
{
    Validated<CreatePortfolioRequest> result;
    Problems &problems = result.problems;
    CreatePortfolioRequest request;
    const auto amount = amountText(draft.investmentAmount, locale, &problems);
    request.portfolioName = portfolioName(draft.portfolioName, &problems);
    request.tokenName = tokenName(draft.tokenName, &problems);
    request.scopeIds = scopes(draft.scopeIds, &problems);
    request.ipsWhitelist = ipAllowList(draft.ipsWhitelist, &problems);
    request.expiresAt = expiry(draft.expiresAt, now, &problems);
    request.description = description(draft.description, &problems);
    if (problems.isEmpty()) {
        request.investment = *amount;
        result.value = request;
    }
    return result;
}

Validated<AddTokenRequest> Validation::validateToken(const TokenDraft &draft, const QDateTime &now)
{
    Validated<AddTokenRequest> result;
    AddTokenRequest request;
    request.tokenName = tokenName(draft.tokenName, &result.problems);
    request.scopeIds = scopes(draft.scopeIds, &result.problems);
    request.ipsWhitelist = ipAllowList(draft.ipsWhitelist, &result.problems);
    request.expiresAt = expiry(draft.expiresAt, now, &result.problems);
    if (result.problems.isEmpty())
        result.value = request;
    return result;
}

} // namespace agentfolio
