#pragma once

#include "domain/money.h"
#include "domain/secret.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace agentfolio {

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
