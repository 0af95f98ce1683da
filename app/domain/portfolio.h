#pragma once

#include "domain/money.h"
#include "domain/secret.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace agentfolio {

// `date` in UTC, if ISO 8601's four-digit year can write it down (years 1 to 9999); nullopt
// otherwise. Qt writes no text for any other year, so such a date (9999-12-31T23:30-01:00 is
// one) could be read but never written back: to the index, or to the server. Dates that are
// read, from an answer or the index, go through this so that they survive being written.
inline std::optional<QDateTime> writableUtc(const QDateTime &date)
{
    if (!date.isValid())
        return std::nullopt;
    QDateTime utc = date.toUTC();
    const int year = utc.date().year();
    if (year < 1 || year > 9999)
        return std::nullopt;
    return utc;
}

// A user token as the server describes it, without its secret.
struct UserToken
{
    QString id; // userTokenId
    QString name;
    QString clientId;
    QList<int> scopeIds;
    QStringList ipsWhitelist;
    std::optional<QDateTime> expiresAt; // UTC; nullopt = never expires
    std::optional<QDateTime> createdAt; // UTC, when the server tells

    bool operator==(const UserToken &) const = default;
};

// A token from a create or add-token answer: the only moment its secret exists.
struct CreatedToken
{
    UserToken token;
    Secret secret;
};

struct Portfolio
{
    QString id; // agentPortfolioId (uuid)
    QString name;
    qint64 gcid = 0;
    Money virtualBalance;
    qint64 mirrorId = 0;
    std::optional<QDateTime> createdAt;
    QList<UserToken> tokens; // from the list call; no secrets

    bool operator==(const Portfolio &) const = default;
};

// The answer to a create: 201 carries the tokens, 207 says the portfolio exists
// but its token was not created.
struct CreatePortfolioResult
{
    Portfolio portfolio;
    QList<CreatedToken> createdTokens;
    bool tokenCreated = true; // false for a 207 answer
};

} // namespace agentfolio
